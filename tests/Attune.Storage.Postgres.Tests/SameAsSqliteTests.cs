using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using Attune.Storage.Tests;
using Attune.Storage.Tests.Sqlite;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Postgres.Tests;

/// <summary>The same writes through both backends read back identically: training and serving cannot tell them apart.</summary>
public sealed class SameAsSqliteTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string GroupArn = "arn:aws:personalize:us-east-1:000000000000:dataset-group/same";
    private readonly SqliteBackend _sqlite = new();
    private readonly TempDirectory _files = new();

    [Fact]
    public void Imports_puts_and_replacements_read_back_identically()
    {
        using var sqlite = _sqlite.Stores.Open(GroupArn);
        using var postgres = new PostgresBackend(database).Stores.Open(GroupArn);
        var extra = _files.Write("extra.csv", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\nnew-user,1,5,click,\n196,new-item,6,view,2.5\n");
        var moreItems = _files.Write("items.csv", "ITEM_ID,GENRES,TITLE\n1,Changed,Renamed\nnew-item,Drama,\"A, B\"\n");

        foreach (var store in new[] { sqlite, postgres })
        {
            Run(store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, TestPaths.MovieLens("items.csv"));
            Run(store, DatasetType.Users, TestSchemas.Users, ImportMode.Full, TestPaths.SyntheticUsers);
            Run(store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, TestPaths.MovieLens("interactions.csv"));
            store.Put(DatasetType.Interactions, TestSchemas.Interactions,
                [new Dictionary<string, string?> { ["userId"] = "p1", ["itemId"] = "1", ["TIMESTAMP"] = "7", ["EVENT_TYPE"] = "buy", ["EVENT_VALUE"] = "1" }]);
            Run(store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Incremental, extra);
            Run(store, DatasetType.Items, TestSchemas.Items, ImportMode.Incremental, moreItems);
            store.Put(DatasetType.Items, TestSchemas.Items, [new Dictionary<string, string?> { ["itemId"] = "2", ["genres"] = "Put" }]);
        }

        AssertSame(sqlite.ReadInteractions(), postgres.ReadInteractions());
        AssertSame(sqlite.ReadEntities(DatasetType.Items), postgres.ReadEntities(DatasetType.Items));
        AssertSame(sqlite.ReadEntities(DatasetType.Users, ["AGE", "GENDER"]), postgres.ReadEntities(DatasetType.Users, ["AGE", "GENDER"]));
        Assert.Equal(sqlite.ReadInteractionColumn("EVENT_VALUE"), postgres.ReadInteractionColumn("EVENT_VALUE"));
        Assert.Equal(sqlite.CountRows(DatasetType.Interactions), postgres.CountRows(DatasetType.Interactions));
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        _files.Dispose();
    }

    private static void AssertSame(InteractionData expected, InteractionData actual)
    {
        Assert.Equal(100_839, actual.Count);
        Assert.Equal(expected.UserIndex, actual.UserIndex);
        Assert.Equal(expected.ItemIndex, actual.ItemIndex);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.EventTypeIndex, actual.EventTypeIndex);
        Assert.Equal(expected.EventValue, actual.EventValue);
        Assert.Equal(expected.UserIds, actual.UserIds);
        Assert.Equal(expected.ItemIds, actual.ItemIds);
        Assert.Equal(expected.EventTypes, actual.EventTypes);
    }

    private static void AssertSame(EntityData expected, EntityData actual)
    {
        Assert.NotEmpty(actual.Ids);
        Assert.Equal(expected.Ids, actual.Ids);
        Assert.Equal(expected.FromBulkImport, actual.FromBulkImport);
        Assert.Equal(expected.Columns.Keys.Order(), actual.Columns.Keys.Order());
        foreach (var (name, column) in expected.Columns)
        {
            Assert.Equal(column.Type, actual.Columns[name].Type);
            Assert.Equal(column.Values, actual.Columns[name].Values);
        }
    }
}
