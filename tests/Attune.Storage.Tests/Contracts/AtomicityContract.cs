using System.Text;
using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Tests.Contracts;

/// <summary>A failed or cancelled import leaves the dataset exactly as it was (each backend adds its own crash test).</summary>
public abstract class AtomicityContract : StoreTestBase
{
    protected const int Rows = 3 * CsvImporter.RowsPerTransaction;

    protected AtomicityContract(IStoreBackend backend)
        : base(backend) =>
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

        Assert.ThrowsAny<OperationCanceledException>(() => Store.Import(request, progress, cancellation.Token));

        Assert.Equal([CsvImporter.RowsPerTransaction], reports);
        AssertUnchanged(Store);
    }

    protected void AssertUnchanged(IDatasetStore store)
    {
        var data = store.ReadInteractions();
        Assert.Equal(["old"], data.UserIds);
        Assert.Equal(1, data.Count);
        Assert.Equal(1, Backend.BatchTableCount(store));
    }

    protected string Generated(string name, int badRow)
    {
        var text = new StringBuilder(InteractionsHeader);
        for (var row = 0; row < Rows; row++)
        {
            text.Append('u').Append(row % 997).Append(",i").Append(row % 113).Append(',')
                .Append(row == badRow ? "never" : (1000 + row).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(",view,1\n");
        }

        return WriteFile(name, text.ToString());
    }

    protected sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
