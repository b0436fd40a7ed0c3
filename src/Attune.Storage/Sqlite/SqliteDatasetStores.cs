using Attune.Storage.Datasets;

namespace Attune.Storage.Sqlite;

/// <summary>Embedded mode: one SQLite database per dataset group under <c>&lt;dataDirectory&gt;/datasets</c>.</summary>
public sealed class SqliteDatasetStores(string dataDirectory) : IDatasetStores
{
    public IDatasetStore Open(string datasetGroupArn) => SqliteDatasetStore.Open(dataDirectory, datasetGroupArn);

    public IDatasetStore? OpenExisting(string datasetGroupArn) =>
        File.Exists(SqliteDatasetStore.PathFor(dataDirectory, datasetGroupArn)) ? Open(datasetGroupArn) : null;

    public void Delete(string datasetGroupArn) => SqliteDatasetStore.Delete(dataDirectory, datasetGroupArn);
}
