using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;

namespace Attune.Storage.Tests.Import;

internal static class ImportHelpers
{
    public const string GroupArn = "arn:aws:personalize:us-east-1:000000000000:dataset-group/tests";

    public static ImportResult Run(DatasetStore store, DatasetType type, AvroSchema schema, ImportMode mode, params string[] files) =>
        CsvImporter.Import(store, new ImportRequest(JobArn(), type, schema, files, mode), cancellationToken: TestContext.Current.CancellationToken);

    public static string Fail(DatasetStore store, DatasetType type, AvroSchema schema, params string[] files) =>
        Assert.Throws<ImportFailedException>(() => Run(store, type, schema, ImportMode.Full, files)).Message;

    public static string JobArn() => $"arn:aws:personalize:us-east-1:000000000000:dataset-import-job/job-{Guid.NewGuid():N}";

    /// <summary>Tables whose name marks a batch (bulk import) table.</summary>
    public static int BatchTableCount(DatasetStore store)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name GLOB '*_b[0-9]*'";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
