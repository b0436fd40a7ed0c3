using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>
/// CreateEventTracker, DescribeEventTracker, ListEventTrackers, DeleteEventTracker. A dataset group has at most
/// one tracker; its trackingId is what PutEvents names.
/// </summary>
public sealed class EventTrackerOperations(Resources resources) : IOperationFamily
{
    private static readonly string[] SummaryMembers = ["name", "eventTrackerArn", "status", "creationDateTime", "lastUpdatedDateTime"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateEventTracker", CreateAsync);
        registry.Add("DescribeEventTracker", DescribeAsync);
        registry.Add("ListEventTrackers", ListAsync);
        registry.Add("DeleteEventTracker", DeleteAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var name = input.RequiredString("name");
        var group = await resources.GetActiveAsync(input.RequiredString("datasetGroupArn"), ResourceKinds.DatasetGroup, context);
        var existing = await resources.Registry.ListChildrenAsync(group.Arn, [ResourceKinds.EventTracker], context.Aborted);
        if (existing.Count > 0)
        {
            throw new ApiException("ResourceAlreadyExistsException",
                $"Dataset group {group.Arn} already has the event tracker {existing[0].Arn}; a group has at most one.");
        }
        var arn = context.Arn(ResourceKinds.EventTracker, name);
        var trackingId = Guid.NewGuid().ToString();
        var tracker = new EventTrackerRecord
        {
            Name = name, EventTrackerArn = arn, AccountId = context.AccountId, TrackingId = trackingId, DatasetGroupArn = group.Arn,
        };
        await resources.CreateAsync(ResourceKinds.EventTracker, arn, name, group.Arn, DescribeBody.Write(tracker), Tags.Read(input), context);
        return new JsonObject { ["eventTrackerArn"] = arn, ["trackingId"] = trackingId };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("eventTrackerArn"), ResourceKinds.EventTracker, context);
        return new JsonObject { ["eventTracker"] = record.ParseBody() };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.EventTracker, "eventTrackers", "datasetGroupArn", ResourceKinds.DatasetGroup, input, context, SummaryMembers);

    private async Task<JsonObject?> DeleteAsync(JsonElement input, CallContext context)
    {
        var tracker = await resources.GetAsync(input.RequiredString("eventTrackerArn"), ResourceKinds.EventTracker, context);
        await resources.DeleteAsync(tracker, context);
        return null;
    }
}
