using Attune.Storage.Import;
using Attune.Storage.Schemas;
using Attune.Storage.Sqlite;
using Attune.Storage.Tests.Contracts;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Tests.Sqlite;

public sealed class SqliteAtomicityTests() : AtomicityContract(new SqliteBackend())
{
    [Fact]
    public void Crash_mid_import_is_discarded_at_startup_and_the_job_reported()
    {
        var crashedDirectory = Path.Combine(TempPath, "crashed");
        var sqlite = (SqliteDatasetStore)Store;
        var jobArn = JobArn();
        var request = new ImportRequest(jobArn, DatasetType.Interactions, TestSchemas.Interactions, [Generated("big.csv", badRow: -1)], ImportMode.Full);
        var progress = new SynchronousProgress(done =>
        {
            // What kill -9 would leave on disk right now: the database and its WAL, one staging transaction in.
            if (done == CsvImporter.RowsPerTransaction)
            {
                var target = SqliteDatasetStore.PathFor(crashedDirectory, GroupArn);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(sqlite.DatabasePath, target);
                File.Copy(sqlite.DatabasePath + "-wal", target + "-wal");
            }
        });
        Store.Import(request, progress, TestContext.Current.CancellationToken);

        using var restarted = SqliteDatasetStore.Open(crashedDirectory, GroupArn);
        Assert.Equal(2, Backend.BatchTableCount(restarted));

        Assert.Equal([jobArn], restarted.DiscardInterruptedImports());

        AssertUnchanged(restarted);
        Assert.Null(restarted.CommittedImportRows(jobArn));
        Assert.NotNull(Store.CommittedImportRows(jobArn));
        Assert.Empty(restarted.DiscardInterruptedImports());
    }
}
