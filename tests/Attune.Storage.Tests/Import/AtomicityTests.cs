using System.Text;
using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Import.ImportHelpers;

namespace Attune.Storage.Tests.Import;

/// <summary>A failed, cancelled or crashed import leaves the dataset exactly as it was.</summary>
public sealed class AtomicityTests : StoreTestBase
{
    private const int Rows = 3 * CsvImporter.RowsPerTransaction;
    public AtomicityTests() =>
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, WriteFile("before.csv", InteractionsHeader + "old,i1,1,view,1\n"));

    [Fact]
    public void Bad_row_near_the_end_of_a_large_file_imports_nothing()
    {
        var file = Generated("big.csv", badRow: Rows - 10);

        var reason = Fail(Store, DatasetType.Interactions, TestSchemas.Interactions, file);

        Assert.Equal($"Line {Rows - 10 + 2} of big.csv: TIMESTAMP 'never' is not a long.", reason);
        AssertUnchanged(Store);
    }

    [Fact]
    public void Cancelled_import_imports_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        var request = new ImportRequest(JobArn(), DatasetType.Interactions, TestSchemas.Interactions, [Generated("big.csv", badRow: -1)]);
        var reports = new List<long>();
        var progress = new SynchronousProgress(done =>
        {
            reports.Add(done);
            cancellation.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => CsvImporter.Import(Store, request, progress, cancellation.Token));

        Assert.Equal([CsvImporter.RowsPerTransaction], reports);
        AssertUnchanged(Store);
    }

    [Fact]
    public void Crash_mid_import_is_discarded_at_startup_and_the_job_reported()
    {
        var crashedDirectory = Path.Combine(TempPath, "crashed");
        var jobArn = JobArn();
        var request = new ImportRequest(jobArn, DatasetType.Interactions, TestSchemas.Interactions, [Generated("big.csv", badRow: -1)], ImportMode.Full);
        var progress = new SynchronousProgress(done =>
        {
            // What kill -9 would leave on disk right now: the database and its WAL, one staging transaction in.
            if (done == CsvImporter.RowsPerTransaction)
            {
                var target = DatasetStore.PathFor(crashedDirectory, GroupArn);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Store.DatabasePath, target);
                File.Copy(Store.DatabasePath + "-wal", target + "-wal");
            }
        });
        CsvImporter.Import(Store, request, progress, TestContext.Current.CancellationToken);

        using var restarted = DatasetStore.Open(crashedDirectory, GroupArn);
        Assert.Equal(2, BatchTableCount(restarted));

        Assert.Equal([jobArn], restarted.DiscardInterruptedImports());

        AssertUnchanged(restarted);
        Assert.Null(restarted.CommittedImportRows(jobArn));
        Assert.NotNull(Store.CommittedImportRows(jobArn));
        Assert.Empty(restarted.DiscardInterruptedImports());
    }

    private static void AssertUnchanged(DatasetStore store)
    {
        var data = store.ReadInteractions();
        Assert.Equal(["old"], data.UserIds);
        Assert.Equal(1, data.Count);
        Assert.Equal(1, BatchTableCount(store));
    }

    private string Generated(string name, int badRow)
    {
        var text = new StringBuilder(InteractionsHeader);
        for (var row = 0; row < Rows; row++)
        {
            text.Append('u').Append(row % 997).Append(",i").Append(row % 113).Append(',')
                .Append(row == badRow ? "never" : (1000 + row).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(",view,1\n");
        }

        return WriteFile(name, text.ToString());
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
