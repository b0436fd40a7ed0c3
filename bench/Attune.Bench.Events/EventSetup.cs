using System.Text.Json.Nodes;
using Attune.Bench.Load;

namespace Attune.Bench.Events;

/// <summary>A dataset group with an Interactions dataset and an ACTIVE event tracker: what PutEvents needs.</summary>
internal static class EventSetup
{
    private const string Schema = """
        {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
          {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},
          {"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}
        """;

    public static async Task<(string GroupArn, string TrackingId)> CreateAsync(ControlPlane control, string name)
    {
        var timeout = TimeSpan.FromMinutes(1);
        var group = (await control.CallAsync("CreateDatasetGroup", new JsonObject { ["name"] = name }))["datasetGroupArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeDatasetGroup", "datasetGroupArn", group, "datasetGroup", timeout);
        var schema = (await control.CallAsync("CreateSchema", new JsonObject { ["name"] = name, ["schema"] = Schema }))["schemaArn"]!.GetValue<string>();
        var dataset = (await control.CallAsync("CreateDataset", new JsonObject
        {
            ["name"] = name, ["datasetGroupArn"] = group, ["datasetType"] = "Interactions", ["schemaArn"] = schema,
        }))["datasetArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeDataset", "datasetArn", dataset, "dataset", timeout);
        var tracker = await control.CallAsync("CreateEventTracker", new JsonObject { ["name"] = name, ["datasetGroupArn"] = group });
        await control.WaitActiveAsync("DescribeEventTracker", "eventTrackerArn", tracker["eventTrackerArn"]!.GetValue<string>(), "eventTracker", timeout);
        return (group, tracker["trackingId"]!.GetValue<string>());
    }
}
