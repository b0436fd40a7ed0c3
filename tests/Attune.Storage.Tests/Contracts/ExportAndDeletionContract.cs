using System.Globalization;
using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Tests.Contracts;

/// <summary>What dataset export jobs read (rows by origin) and data deletion jobs do (users removed once per job batch).</summary>
public abstract class ExportAndDeletionContract(IStoreBackend backend) : StoreTestBase(backend)
{
    private const string Job = "arn:aws:personalize:us-east-1:000000000000:data-deletion-job/contract";

    [Fact]
    public void Event_rows_come_by_origin_bulk_in_import_order_then_put_with_ids_and_nulls_as_stored()
    {
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full,
            WriteFile("a.csv", InteractionsHeader + "u1,i1,1,view,1.5\nu2,i2,2,click,\n"));
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Incremental, WriteFile("b.csv", InteractionsHeader + "u3,i1,3,view,2\n"));
        PutEvent("p1", "i9", "4");

        string[] bulk = ["u1,i1,1,view,1.5", "u2,i2,2,click,", "u3,i1,3,view,2"];
        Assert.Equal(bulk, Rows(DatasetType.Interactions, TestSchemas.Interactions, RowOrigins.Bulk));
        Assert.Equal(["p1,i9,4,view,"], Rows(DatasetType.Interactions, TestSchemas.Interactions, RowOrigins.Put));
        Assert.Equal([.. bulk, "p1,i9,4,view,"], Rows(DatasetType.Interactions, TestSchemas.Interactions, RowOrigins.All));
        Assert.Empty(Rows(DatasetType.Items, TestSchemas.Items, RowOrigins.All));
    }

    [Fact]
    public void Entity_rows_come_by_origin_and_a_field_no_stored_column_has_is_null()
    {
        Run(Store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, WriteFile("items.csv", "ITEM_ID,GENRES\ni1,drama\ni2,comedy\n"));
        Store.Put(DatasetType.Items, TestSchemas.Items, [new Dictionary<string, string?> { ["itemId"] = "p1", ["genres"] = "live", ["title"] = "T" }]);
        var wider = AvroSchema.Parse("""
            {"type":"record","name":"Items","fields":[{"name":"ITEM_ID","type":"string"},{"name":"GENRES","type":["null","string"]},
             {"name":"RATING","type":["null","double"]}]}
            """);

        Assert.Equal(["i1,,drama,", "i2,,comedy,"], Rows(DatasetType.Items, TestSchemas.Items, RowOrigins.Bulk));
        Assert.Equal(["p1,T,live,"], Rows(DatasetType.Items, TestSchemas.Items, RowOrigins.Put));
        Assert.Equal(["i1,drama,", "i2,comedy,", "p1,live,"], Rows(DatasetType.Items, wider, RowOrigins.All));
    }

    [Fact]
    public void Deleting_users_removes_their_bulk_put_and_user_rows_once_per_job_batch_and_logs_them()
    {
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full,
            WriteFile("a.csv", InteractionsHeader + "u1,i1,1,view,1\nu2,i2,2,view,1\nu1,i3,3,view,1\nu3,i1,4,view,1\n"));
        Run(Store, DatasetType.Users, TestSchemas.Users, ImportMode.Full, WriteFile("users.csv", "USER_ID,GENDER,AGE,OCCUPATION\nu1,F,30,x\nu2,M,40,y\n"));
        PutEvent("p1", "i1", "5");
        PutEvent("u2", "i4", "6");

        var first = Store.DeleteUsers(Job, 0, ["u1", "p1", "ghost"]);

        Assert.Equal(new UserDeletion(2, 4), first); // u1: two interactions and its Users row; p1: one put event
        Assert.Equal(["u2", "u3", "u2"], Users(Store.ReadInteractions())); // bulk rows, then put ones
        Assert.Equal(["u2"], Store.ReadEntities(DatasetType.Users).Ids);
        Assert.Equal(first, Store.DeleteUsers(Job, 0, ["u1", "p1", "ghost"]));
        Assert.Equal(first, Store.DeleteUsers(Job, 0, ["u2"])); // a redone batch deletes nothing, whatever it names
        Assert.Equal(["u2", "u3", "u2"], Users(Store.ReadInteractions())); // bulk rows, then put ones

        Assert.Equal(new UserDeletion(1, 3), Store.DeleteUsers(Job, 1, ["u2"]));
        Assert.Equal(["u3"], Users(Store.ReadInteractions()));
        Assert.Empty(Store.ReadEntities(DatasetType.Users).Ids);
        var logged = Store.ReadDeletedUsers(0);
        Assert.Equal(["u1", "p1", "u2"], logged.UserIds);
        Assert.Empty(Store.ReadDeletedUsers(logged.Watermark).UserIds);
    }

    [Fact]
    public void A_group_without_deletions_has_an_empty_log_and_deleted_users_may_come_back()
    {
        Assert.Equal(0, Store.ReadDeletedUsers(0).Watermark);
        PutEvent("u1", "i1", "1");
        Store.DeleteUsers(Job, 0, ["u1"]);
        PutEvent("u1", "i2", "2");
        Assert.Equal(["u1,i2,2,view,"], Rows(DatasetType.Interactions, TestSchemas.Interactions, RowOrigins.All));
    }

    private void PutEvent(string user, string item, string timestamp) =>
        Store.Put(DatasetType.Interactions, TestSchemas.Interactions,
            [new Dictionary<string, string?> { ["USER_ID"] = user, ["ITEM_ID"] = item, ["TIMESTAMP"] = timestamp, ["EVENT_TYPE"] = "view" }]);

    private List<string> Rows(DatasetType type, AvroSchema schema, RowOrigins origins) =>
        [.. Store.ReadRows(type, schema.Fields, origins).Select(row => string.Join(',', row.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture))))];

    private static string[] Users(InteractionData data) => [.. data.UserIndex.Select(u => data.UserIds[u])];
}
