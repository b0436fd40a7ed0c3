using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Tests.Contracts;

public abstract class ImportModeContract(IStoreBackend backend) : StoreTestBase(backend)
{
    [Fact]
    public void Incremental_appends_and_full_replaces_bulk_rows_but_keeps_put_events()
    {
        var first = WriteFile("first.csv", InteractionsHeader + "u1,i1,1,view,1\nu2,i2,2,view,1\n");
        var second = WriteFile("second.csv", InteractionsHeader + "u3,i3,3,click,\n");
        var third = WriteFile("third.csv", InteractionsHeader + "u9,i9,9,buy,5\n");

        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, first);
        Store.Put(DatasetType.Interactions, TestSchemas.Interactions,
            [new Dictionary<string, string?> { ["USER_ID"] = "p1", ["ITEM_ID"] = "i1", ["TIMESTAMP"] = "4", ["EVENT_TYPE"] = "view", ["EVENT_VALUE"] = null }]);
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Incremental, second);
        Assert.Equal(["u1", "u2", "u3", "p1"], Users(Store.ReadInteractions()));

        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, third);

        var data = Store.ReadInteractions();
        Assert.Equal(["u9", "p1"], Users(data));
        Assert.Equal([9L, 4L], data.Timestamp);
        Assert.Equal(["buy", "view"], data.EventTypes);
        Assert.Equal(1, Backend.BatchTableCount(Store));
        Assert.True(Store.HasBulkImport(DatasetType.Interactions));
    }

    [Fact]
    public void Incremental_items_replace_records_with_the_same_id_and_full_keeps_put_items()
    {
        var first = WriteFile("a.csv", "ITEM_ID,GENRES\ni1,drama\ni2,comedy\ni1,horror\n");
        var update = WriteFile("b.csv", "ITEM_ID,GENRES,TITLE\ni2,action,Two\ni3,kids,Three\n");
        var replace = WriteFile("c.csv", "ITEM_ID,GENRES\ni4,music\n");

        Run(Store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, first);
        Assert.Equal("horror", Genres(Store.ReadEntities(DatasetType.Items))["i1"]);
        Store.Put(DatasetType.Items, TestSchemas.Items, [new Dictionary<string, string?> { ["itemId"] = "p1", ["genres"] = "live" }]);
        Run(Store, DatasetType.Items, TestSchemas.Items, ImportMode.Incremental, update);

        var merged = Store.ReadEntities(DatasetType.Items);
        Assert.Equal(new Dictionary<string, string?> { ["i1"] = "horror", ["i2"] = "action", ["i3"] = "kids", ["p1"] = "live" }, Genres(merged));
        Assert.Equal("Two", merged.Columns["TITLE"].Values[Array.IndexOf(merged.Ids, "i2")]);
        Assert.False(merged.FromBulkImport[Array.IndexOf(merged.Ids, "p1")]);

        Run(Store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, replace);

        Assert.Equal(new Dictionary<string, string?> { ["i4"] = "music", ["p1"] = "live" }, Genres(Store.ReadEntities(DatasetType.Items)));
    }

    [Fact]
    public void Put_rejects_invalid_values_naming_record_and_field_and_writes_nothing()
    {
        var error = Assert.Throws<ArgumentException>(() => Store.Put(DatasetType.Interactions, TestSchemas.Interactions,
        [
            new Dictionary<string, string?> { ["USER_ID"] = "u1", ["ITEM_ID"] = "i1", ["TIMESTAMP"] = "1", ["EVENT_TYPE"] = "view" },
            new Dictionary<string, string?> { ["USER_ID"] = "u2", ["ITEM_ID"] = "i2", ["TIMESTAMP"] = "soon", ["EVENT_TYPE"] = "view" },
        ]));

        var unknown = Assert.Throws<ArgumentException>(() => Store.Put(DatasetType.Items, TestSchemas.Items,
            [new Dictionary<string, string?> { ["ITEM_ID"] = "i1", ["COLOR"] = "red" }]));

        Assert.Equal("Record 2: TIMESTAMP 'soon' is not a long.", error.Message);
        Assert.Equal("Field COLOR is not in the schema.", unknown.Message);
        Assert.Equal(0, Store.CountRows(DatasetType.Interactions));
        Assert.Equal(0, Store.CountRows(DatasetType.Items));
    }

    [Fact]
    public void Deleting_a_dataset_removes_its_rows_and_leaves_the_others()
    {
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, WriteFile("i.csv", InteractionsHeader + "u1,i1,1,view,1\n"));
        Run(Store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, WriteFile("items.csv", "ITEM_ID,GENRES\ni1,drama\n"));

        Store.DeleteDatasetData(DatasetType.Interactions);

        Assert.Equal(0, Store.CountRows(DatasetType.Interactions));
        Assert.False(Store.HasBulkImport(DatasetType.Interactions));
        Assert.Equal(1, Store.CountRows(DatasetType.Items));
    }

    [Fact]
    public void Deleting_a_group_removes_all_its_data()
    {
        Store.Put(DatasetType.Users, TestSchemas.Users, [new Dictionary<string, string?> { ["USER_ID"] = "u1", ["GENDER"] = "F", ["AGE"] = "30", ["OCCUPATION"] = "x" }]);
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, WriteFile("i.csv", InteractionsHeader + "u1,i1,1,view,1\n"));
        Store.Dispose();

        Backend.Stores.Delete(GroupArn);

        using var reopened = Backend.Stores.Open(GroupArn);
        Assert.Equal(0, reopened.CountRows(DatasetType.Users));
        Assert.Equal(0, reopened.ReadInteractions().Count);
        Assert.False(reopened.HasBulkImport(DatasetType.Interactions));
        Assert.Equal(0, Backend.BatchTableCount(reopened));
    }

    private static string[] Users(InteractionData data) => data.UserIndex.Select(u => data.UserIds[u]).ToArray();

    private static Dictionary<string, string?> Genres(EntityData items) =>
        items.Ids.Select((id, row) => (id, (string?)items.Columns["GENRES"].Values[row])).ToDictionary(p => p.id, p => p.Item2);
}
