using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>CreateDatasetGroup, DescribeDatasetGroup, ListDatasetGroups, DeleteDatasetGroup.</summary>
public sealed class DatasetGroupOperations(Resources resources) : IOperationFamily
{
    /// <summary>What must be deleted before its dataset group can be.</summary>
    private static readonly string[] Dependents =
    [
        ResourceKinds.Dataset, ResourceKinds.Solution, ResourceKinds.EventTracker, ResourceKinds.Filter,
        ResourceKinds.Recommender, ResourceKinds.MetricAttribution,
    ];

    private static readonly string[] SummaryMembers =
        ["name", "datasetGroupArn", "status", "creationDateTime", "lastUpdatedDateTime", "failureReason", "domain"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateDatasetGroup", CreateAsync);
        registry.Add("DescribeDatasetGroup", DescribeAsync);
        registry.Add("ListDatasetGroups", ListAsync);
        registry.Add("DeleteDatasetGroup", DeleteAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var name = input.RequiredString("name");
        var roleArn = input.OptionalString("roleArn");
        var kmsKeyArn = input.OptionalString("kmsKeyArn");
        var domain = input.OptionalString("domain");
        if (kmsKeyArn is not null && roleArn is null)
        {
            throw ApiErrors.InvalidInput("A kmsKeyArn needs a roleArn that grants access to the key.");
        }
        var arn = context.Arn(ResourceKinds.DatasetGroup, name);
        var group = new DatasetGroupRecord { Name = name, DatasetGroupArn = arn, RoleArn = roleArn, KmsKeyArn = kmsKeyArn, Domain = domain };
        await resources.CreateAsync(ResourceKinds.DatasetGroup, arn, name, null, DescribeBody.Write(group), Tags.Read(input), context);
        return new JsonObject { ["datasetGroupArn"] = arn }.AddIfPresent("domain", domain);
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("datasetGroupArn"), ResourceKinds.DatasetGroup, context);
        return new JsonObject { ["datasetGroup"] = record.ParseBody() };
    }

    private async Task<JsonObject?> ListAsync(JsonElement input, CallContext context) => await
        resources.ListAsync(ResourceKinds.DatasetGroup, "datasetGroups", null, input, context, SummaryMembers);

    private async Task<JsonObject?> DeleteAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("datasetGroupArn"), ResourceKinds.DatasetGroup, context);
        // Children still being deleted count too: their delete needs the group's data until it finishes.
        var children = await resources.Registry.ListChildrenAsync(record.Arn, Dependents, context.Aborted);
        if (children.Count > 0)
        {
            var names = string.Join(", ", children.Take(5).Select(c => $"{c.Arn} ({c.Status})"));
            throw ApiErrors.InUse(
                $"Dataset group {record.Arn} still has {children.Count} resource(s) that must be deleted first: {names}.");
        }
        // A running data deletion job writes to the group's data: it finishes first.
        var deletions = await resources.Registry.ListLiveChildrenAsync(record.Arn, [ResourceKinds.DataDeletionJob], context.Aborted);
        if (deletions.FirstOrDefault(j => ResourceStatus.IsTransient(j.Status)) is { } running)
        {
            throw ApiErrors.InUse($"Dataset group {record.Arn} has a data deletion job in progress: {running.Arn}.");
        }
        await resources.DeleteAsync(record, context);
        return null;
    }
}
