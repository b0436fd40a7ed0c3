using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Import.ImportHelpers;

namespace Attune.Storage.Tests.Import;

public sealed class ImportModeTests : IDisposable
{
    private const string Header = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n";
    private readonly TempDirectory _temp = new();
    private readonly DatasetStore _store;

    public ImportModeTests() => _store = DatasetStore.Open(_temp.Path, GroupArn);

    [Fact]
    public void Incremental_appends_and_full_replaces_bulk_rows_but_keeps_put_events()
    {
        var first = _temp.Write("first.csv", Header + "u1,i1,1,view,1\nu2,i2,2,view,1\n");
        var second = _temp.Write("second.csv", Header + "u3,i3,3,click,\n");
        var third = _temp.Write("third.csv", Header + "u9,i9,9,buy,5\n");

        Run(_store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, first);
        _store.Put(DatasetType.Interactions, TestSchemas.Interactions,
            [new Dictionary<string, string?> { ["USER_ID"] = "p1", ["ITEM_ID"] = "i1", ["TIMESTAMP"] = "4", ["EVENT_TYPE"] = "view", ["EVENT_VALUE"] = null }]);
        Run(_store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Incremental, second);
        Assert.Equal(["u1", "u2", "u3", "p1"], Users(_store.ReadInteractions()));

        Run(_store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, third);

        var data = _store.ReadInteractions();
        Assert.Equal(["u9", "p1"], Users(data));
        Assert.Equal([9L, 4L], data.Timestamp);
        Assert.Equal(["buy", "view"], data.EventTypes);
        Assert.Equal(1, BatchTableCount(_store));
        Assert.True(_store.HasBulkImport(DatasetType.Interactions));
    }

    [Fact]
    public void Incremental_items_replace_records_with_the_same_id_and_full_keeps_put_items()
    {
        var first = _temp.Write("a.csv", "ITEM_ID,GENRES\ni1,drama\ni2,comedy\ni1,horror\n");
        var update = _temp.Write("b.csv", "ITEM_ID,GENRES,TITLE\ni2,action,Two\ni3,kids,Three\n");
        var replace = _temp.Write("c.csv", "ITEM_ID,GENRES\ni4,music\n");

        Run(_store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, first);
        Assert.Equal("horror", Genres(_store.ReadEntities(DatasetType.Items))["i1"]);
        _store.Put(DatasetType.Items, TestSchemas.Items, [new Dictionary<string, string?> { ["ITEM_ID"] = "p1", ["GENRES"] = "live" }]);
        Run(_store, DatasetType.Items, TestSchemas.Items, ImportMode.Incremental, update);

        var merged = _store.ReadEntities(DatasetType.Items);
        Assert.Equal(new Dictionary<string, string?> { ["i1"] = "horror", ["i2"] = "action", ["i3"] = "kids", ["p1"] = "live" }, Genres(merged));
        Assert.Equal("Two", merged.Columns["TITLE"].Values[Array.IndexOf(merged.Ids, "i2")]);
        Assert.False(merged.FromBulkImport[Array.IndexOf(merged.Ids, "p1")]);

        Run(_store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, replace);

        Assert.Equal(new Dictionary<string, string?> { ["i4"] = "music", ["p1"] = "live" }, Genres(_store.ReadEntities(DatasetType.Items)));
    }

    [Fact]
    public void Put_rejects_invalid_values_naming_record_and_field_and_writes_nothing()
    {
        var error = Assert.Throws<ArgumentException>(() => _store.Put(DatasetType.Interactions, TestSchemas.Interactions,
        [
            new Dictionary<string, string?> { ["USER_ID"] = "u1", ["ITEM_ID"] = "i1", ["TIMESTAMP"] = "1", ["EVENT_TYPE"] = "view" },
            new Dictionary<string, string?> { ["USER_ID"] = "u2", ["ITEM_ID"] = "i2", ["TIMESTAMP"] = "soon", ["EVENT_TYPE"] = "view" },
        ]));

        Assert.StartsWith("Record 2: TIMESTAMP 'soon' is not a long.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.CountRows(DatasetType.Interactions));
    }

    [Fact]
    public void Deleting_a_dataset_removes_its_rows_and_leaves_the_others()
    {
        Run(_store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, _temp.Write("i.csv", Header + "u1,i1,1,view,1\n"));
        Run(_store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, _temp.Write("items.csv", "ITEM_ID,GENRES\ni1,drama\n"));

        _store.DeleteDatasetData(DatasetType.Interactions);

        Assert.Equal(0, _store.CountRows(DatasetType.Interactions));
        Assert.False(_store.HasBulkImport(DatasetType.Interactions));
        Assert.Equal(1, _store.CountRows(DatasetType.Items));
    }

    [Fact]
    public void Deleting_a_group_removes_its_database()
    {
        _store.Put(DatasetType.Users, TestSchemas.Users, [new Dictionary<string, string?> { ["USER_ID"] = "u1", ["GENDER"] = "F", ["AGE"] = "30", ["OCCUPATION"] = "x" }]);
        _store.Dispose();

        DatasetStore.Delete(_temp.Path, GroupArn);

        Assert.False(File.Exists(DatasetStore.PathFor(_temp.Path, GroupArn)));
        using var reopened = DatasetStore.Open(_temp.Path, GroupArn);
        Assert.Equal(0, reopened.CountRows(DatasetType.Users));
    }

    private static string[] Users(InteractionData data) => data.UserIndex.Select(u => data.UserIds[u]).ToArray();

    private static Dictionary<string, string?> Genres(EntityData items) =>
        items.Ids.Select((id, row) => (id, (string?)items.Columns["GENRES"].Values[row])).ToDictionary(p => p.id, p => p.Item2);

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
