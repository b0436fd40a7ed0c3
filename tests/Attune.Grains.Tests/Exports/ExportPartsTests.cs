using Attune.Grains.Exports;
using Attune.Storage.Datasets;
using Attune.Storage.Objects;
using Attune.Storage.Schemas;
using Attune.Storage.Sqlite;

namespace Attune.Grains.Tests.Exports;

/// <summary>Export parts: sized, named, written whole, and never written twice by a resumed export.</summary>
public sealed class ExportPartsTests : IDisposable
{
    private static readonly AvroSchema Interactions = AvroSchema.Parse("""
        {"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},
         {"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]},
         {"name":"NOTE","type":["null","string"]}]}
        """);

    private readonly TempFolder _folder = new();
    private readonly SqliteDatasetStores _stores;
    private readonly LocalObjectStore _objects;

    public ExportPartsTests()
    {
        _stores = new SqliteDatasetStores(Path.Combine(_folder.Path, "data"));
        _objects = new LocalObjectStore(ImportSources.ObjectsOnly(Path.Combine(_folder.Path, "objects")));
    }

    [Fact]
    public async Task Rows_go_to_numbered_parts_of_at_most_the_part_size_each_with_the_header()
    {
        using var store = StoreWithEvents(5);
        var progress = new List<long>();

        var rows = await new ExportParts(_objects, "s3://out/exports", "job", rowsPerPart: 2)
            .WriteAsync(store, DatasetType.Interactions, Interactions.Fields, RowOrigins.All, new SyncProgress(progress), CancellationToken.None);

        Assert.Equal(5, rows);
        Assert.Equal([2L, 4L, 5L], progress);
        Assert.Equal(["job_1.csv", "job_2.csv", "job_3.csv"], Parts());
        Assert.Equal(["USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,NOTE", "u0,i0,100,click,0.5,\"a, \"\"quoted\"\" note\"", "u1,i1,101,click,,"],
            File.ReadAllLines(PartPath("job_1.csv")));
        Assert.Equal(["USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,NOTE", "u4,i4,104,click,0.5,\"a, \"\"quoted\"\" note\"" ],
            File.ReadAllLines(PartPath("job_3.csv")));
    }

    [Fact]
    public async Task A_resumed_export_keeps_the_parts_that_exist_and_writes_only_the_missing_ones()
    {
        using var store = StoreWithEvents(6);
        var parts = new ExportParts(_objects, "s3://out/exports/", "job", rowsPerPart: 2);
        await parts.WriteAsync(store, DatasetType.Interactions, Interactions.Fields, RowOrigins.All, null, CancellationToken.None);
        var third = File.ReadAllText(PartPath("job_3.csv"));
        File.WriteAllText(PartPath("job_1.csv"), "written by the first run\n");
        File.Delete(PartPath("job_2.csv"));
        File.Delete(PartPath("job_3.csv"));

        var rows = await parts.WriteAsync(store, DatasetType.Interactions, Interactions.Fields, RowOrigins.All, null, CancellationToken.None);

        Assert.Equal(6, rows);
        Assert.Equal("written by the first run\n", File.ReadAllText(PartPath("job_1.csv")));
        Assert.Equal(third, File.ReadAllText(PartPath("job_3.csv")));
        Assert.Equal(["job_1.csv", "job_2.csv", "job_3.csv"], Parts()); // 6 rows end exactly at a part: no empty fourth
    }

    [Fact]
    public async Task An_empty_dataset_is_one_part_holding_the_header()
    {
        using var store = _stores.Open("arn:aws:personalize:us-east-1:000000000000:dataset-group/empty");
        var rows = await new ExportParts(_objects, "s3://out/exports", "job")
            .WriteAsync(store, DatasetType.Interactions, Interactions.Fields, RowOrigins.Put, null, CancellationToken.None);

        Assert.Equal(0, rows);
        Assert.Equal(["USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,NOTE"], File.ReadAllLines(PartPath("job_1.csv")));
    }

    public void Dispose() => _folder.Dispose();

    private IDatasetStore StoreWithEvents(int count)
    {
        var store = _stores.Open($"arn:aws:personalize:us-east-1:000000000000:dataset-group/g{Guid.NewGuid():N}");
        store.Put(DatasetType.Interactions, Interactions, [.. Enumerable.Range(0, count).Select(i => new Dictionary<string, string?>
        {
            ["USER_ID"] = $"u{i}", ["ITEM_ID"] = $"i{i}", ["TIMESTAMP"] = $"{100 + i}", ["EVENT_TYPE"] = "click",
            ["EVENT_VALUE"] = i % 2 == 0 ? "0.5" : null, ["NOTE"] = i % 2 == 0 ? "a, \"quoted\" note" : null,
        })]);
        return store;
    }

    private string PartPath(string name) => Path.Combine(_folder.Path, "objects", "out", "exports", name);

    private List<string> Parts() =>
        [.. Directory.GetFiles(Path.Combine(_folder.Path, "objects", "out", "exports")).Select(Path.GetFileName).Order().OfType<string>()];

    /// <summary>Records reports as they happen (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
