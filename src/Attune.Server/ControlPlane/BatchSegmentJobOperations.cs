using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Recipes.Catalog;
using Attune.Server.Wire;
using Attune.Storage.Objects;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>CreateBatchSegmentJob, DescribeBatchSegmentJob, ListBatchSegmentJobs. The job itself runs in a job grain.</summary>
public sealed class BatchSegmentJobOperations(Resources resources, IObjectStore objects) : IOperationFamily
{
    private static readonly string[] SummaryMembers =
        ["batchSegmentJobArn", "jobName", "status", "creationDateTime", "lastUpdatedDateTime", "failureReason", "solutionVersionArn"];

    public void Register(OperationHandlers registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("CreateBatchSegmentJob", CreateAsync);
        registry.Add("DescribeBatchSegmentJob", DescribeAsync);
        registry.Add("ListBatchSegmentJobs", ListAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var jobName = input.RequiredString("jobName");
        var (locationIn, locationOut) = BatchJobInputs.Locations(input, objects);
        var numResults = BatchJobInputs.NumResults(input, BatchSegmentJobRecord.DefaultNumResults);
        if (input.OptionalString("filterArn") is { } filterArn)
        {
            throw ApiErrors.InvalidInput($"filterArn {filterArn}: Attune does not filter the users of segments yet; leave filterArn out.");
        }
        var (version, recipe) = await BatchJobInputs.VersionAsync(resources, input, context);
        if (recipe.Type != RecipeType.UserSegmentation)
        {
            throw ApiErrors.InvalidInput(
                $"The solution version {version.Arn} was trained with {recipe.Name}; batch segment jobs need aws-item-affinity or aws-item-attribute-affinity.");
        }
        var arn = context.Arn(ResourceKinds.BatchSegmentJob, jobName);
        var job = new BatchSegmentJobRecord
        {
            JobName = jobName,
            BatchSegmentJobArn = arn,
            SolutionVersionArn = version.Arn,
            NumResults = numResults,
            JobInput = locationIn,
            JobOutput = locationOut,
            RoleArn = input.OptionalString("roleArn"),
            JobProgress = new BatchJobProgress(),
        };
        await resources.CreateAsync(ResourceKinds.BatchSegmentJob, arn, jobName, version.Arn, DescribeBody.Write(job), Tags.Read(input), context);
        return new JsonObject { ["batchSegmentJobArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("batchSegmentJobArn"), ResourceKinds.BatchSegmentJob, context);
        return new JsonObject { ["batchSegmentJob"] = record.ParseBody() };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.BatchSegmentJob, "batchSegmentJobs", "solutionVersionArn", ResourceKinds.SolutionVersion,
            input, context, SummaryMembers);
}
