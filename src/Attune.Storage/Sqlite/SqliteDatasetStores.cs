namespace Attune.Storage.Datasets;

/// <summary>Embedded mode: one SQLite database per dataset group under <c>&lt;dataDirectory&gt;/datasets</c>.</summary>
public sealed class SqliteDatasetStores(string dataDirectory) : IDatasetStores
{
    public IDatasetStore Open(string datasetGroupArn) => DatasetStore.Open(dataDirectory, datasetGroupArn);

    public IDatasetStore? OpenExisting(string datasetGroupArn) =>
        File.Exists(DatasetStore.PathFor(dataDirectory, datasetGroupArn)) ? Open(datasetGroupArn) : null;

    public void Delete(string datasetGroupArn) => DatasetStore.Delete(dataDirectory, datasetGroupArn);
}
