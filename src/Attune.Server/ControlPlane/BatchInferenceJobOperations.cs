using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Recipes.Catalog;
using Attune.Server.Wire;
using Attune.Storage.Objects;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>CreateBatchInferenceJob, DescribeBatchInferenceJob, ListBatchInferenceJobs. The job itself runs in a job grain.</summary>
public sealed class BatchInferenceJobOperations(Resources resources, IObjectStore objects) : IOperationFamily
{
    private static readonly string[] SummaryMembers =
    [
        "batchInferenceJobArn", "jobName", "status", "creationDateTime", "lastUpdatedDateTime", "failureReason",
        "solutionVersionArn", "batchInferenceJobMode",
    ];

    public void Register(OperationHandlers registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("CreateBatchInferenceJob", CreateAsync);
        registry.Add("DescribeBatchInferenceJob", DescribeAsync);
        registry.Add("ListBatchInferenceJobs", ListAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var jobName = input.RequiredString("jobName");
        var mode = input.OptionalString("batchInferenceJobMode") ?? BatchInferenceJobRecord.BatchInferenceMode;
        if (mode == BatchInferenceJobRecord.ThemeGenerationMode || input.OptionalObject("themeGenerationConfig") is not null)
        {
            throw ApiErrors.InvalidInput(
                "batchInferenceJobMode THEME_GENERATION (and themeGenerationConfig) needs a large language model to write the themes, which Attune does not have; use BATCH_INFERENCE.");
        }
        var (locationIn, locationOut) = BatchJobInputs.Locations(input, objects);
        var numResults = BatchJobInputs.NumResults(input, BatchInferenceJobRecord.DefaultNumResults);
        var config = input.OptionalObject("batchInferenceJobConfig");
        ExplorationConfigCheck.Check("batchInferenceJobConfig", config);
        var (version, recipe) = await BatchJobInputs.VersionAsync(resources, input, context);
        CheckRecipe(version.Arn, recipe);
        var filterArn = input.OptionalString("filterArn");
        if (filterArn is not null)
        {
            await resources.GetActiveAsync(filterArn, ResourceKinds.Filter, context);
        }
        var arn = context.Arn(ResourceKinds.BatchInferenceJob, jobName);
        var job = new BatchInferenceJobRecord
        {
            JobName = jobName,
            BatchInferenceJobArn = arn,
            FilterArn = filterArn,
            SolutionVersionArn = version.Arn,
            NumResults = numResults,
            JobInput = locationIn,
            JobOutput = locationOut,
            BatchInferenceJobConfig = config is { } c ? c.Deserialize<BatchInferenceJobConfig>() : null,
            RoleArn = input.OptionalString("roleArn"),
            BatchInferenceJobMode = mode,
            JobProgress = new BatchJobProgress(),
        };
        await resources.CreateAsync(ResourceKinds.BatchInferenceJob, arn, jobName, version.Arn, DescribeBody.Write(job), Tags.Read(input), context);
        return new JsonObject { ["batchInferenceJobArn"] = arn };
    }

    /// <summary>Batch inference answers what GetRecommendations and GetPersonalizedRanking answer; segments and trends are not in it.</summary>
    private static void CheckRecipe(string versionArn, RecipeDefinition recipe)
    {
        if (recipe.Type == RecipeType.UserSegmentation)
        {
            throw ApiErrors.InvalidInput(
                $"The solution version {versionArn} was trained with {recipe.Name}, a USER_SEGMENTATION recipe; use CreateBatchSegmentJob.");
        }
        if (recipe.Name.Contains("trending-now", StringComparison.Ordinal) || recipe.Type == RecipeType.PersonalizedActions)
        {
            throw ApiErrors.InvalidInput($"The solution version {versionArn} was trained with {recipe.Name}, which does not support batch inference.");
        }
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("batchInferenceJobArn"), ResourceKinds.BatchInferenceJob, context);
        return new JsonObject { ["batchInferenceJob"] = record.ParseBody() };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.BatchInferenceJob, "batchInferenceJobs", "solutionVersionArn", ResourceKinds.SolutionVersion,
            input, context, SummaryMembers);
}
