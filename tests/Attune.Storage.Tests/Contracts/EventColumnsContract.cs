using Attune.Storage.Import;
using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Tests.Contracts;

public abstract class EventColumnsContract(IStoreBackend backend) : StoreTestBase(backend)
{
    private static readonly AvroSchema WithContext = AvroSchema.Parse("""
        {"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},
         {"name":"TIMESTAMP","type":"long"},{"name":"IMPRESSION","type":["null","string"]},{"name":"DEVICE","type":["null","string"],"categorical":true},
         {"name":"RATING","type":["null","int"]}]}
        """);

    [Fact]
    public void Optional_columns_read_back_aligned_with_the_rows_across_imports_with_different_schemas()
    {
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, WriteFile("a.csv", InteractionsHeader + "u1,i1,1,view,1\n"));
        Run(Store, DatasetType.Interactions, WithContext, ImportMode.Incremental,
            WriteFile("b.csv", "USER_ID,ITEM_ID,TIMESTAMP,IMPRESSION,DEVICE,RATING\nu2,i2,2,i2|i3|i4,\"Tablet\",4\nu3,i3,3,,,\n"));

        var data = Store.ReadInteractions();
        Assert.Equal(3, data.Count);
        Assert.Equal([0, -1, -1], data.EventTypeIndex);
        Assert.Equal([null, "Tablet", null], Store.ReadInteractionColumn("device"));
        Assert.Equal([null, "i2|i3|i4", null], Store.ReadInteractionColumn("IMPRESSION"));
        Assert.Equal([null, 4, null], Store.ReadInteractionColumn("RATING"));
    }

    [Fact]
    public void Action_interactions_use_the_action_dictionary()
    {
        var schema = AvroSchema.Parse("""
            {"type":"record","name":"ActionInteractions","fields":[{"name":"USER_ID","type":"string"},{"name":"ACTION_ID","type":"string"},
             {"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"}]}
            """);

        Run(Store, DatasetType.ActionInteractions, schema, ImportMode.Full,
            WriteFile("actions.csv", "USER_ID,ACTION_ID,TIMESTAMP,EVENT_TYPE\nu1,a1,1,TAKEN\nu1,a2,2,VIEWED\n"));

        var data = Store.ReadInteractions(DatasetType.ActionInteractions);
        Assert.Equal(["a1", "a2"], data.ItemIds);
        Assert.Equal(["TAKEN", "VIEWED"], data.EventTypes);
        Assert.Equal(0, Store.ReadInteractions().Count);
    }
}
