using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Grains.Recommenders;
using Attune.Server.Wire;
using Attune.Storage.Artifacts;
using Attune.Storage.Resources;
using Definitions = Attune.Recipes.Catalog.RecipeCatalog;

namespace Attune.Server.ControlPlane;

/// <summary>
/// CreateRecommender, DescribeRecommender, ListRecommenders, UpdateRecommender, DeleteRecommender, StartRecommender,
/// StopRecommender: a domain dataset group's use cases. Creation trains the use case's model (the recommender
/// activation handler), an update that changes trainingDataConfig retrains it, and a stop unloads it until a start.
/// </summary>
public sealed class RecommenderOperations(
    Resources resources, RecommenderModels models, IModelArtifacts artifacts, TrainingColumnsCheck trainingColumns) : IOperationFamily
{
    private static readonly string[] SummaryMembers =
        ["name", "recommenderArn", "datasetGroupArn", "recipeArn", "recommenderConfig", "status", "creationDateTime", "lastUpdatedDateTime"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateRecommender", CreateAsync);
        registry.Add("DescribeRecommender", DescribeAsync);
        registry.Add("ListRecommenders", ListAsync);
        registry.Add("UpdateRecommender", UpdateAsync);
        registry.Add("DeleteRecommender", DeleteAsync);
        registry.Add("StartRecommender", StartAsync);
        registry.Add("StopRecommender", StopAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var name = input.RequiredString("name");
        var group = await resources.GetActiveAsync(input.RequiredString("datasetGroupArn"), ResourceKinds.DatasetGroup, context);
        var recipeArn = input.RequiredString("recipeArn");
        CheckRecipe(recipeArn, group);
        var config = await ReadConfigAsync(input.OptionalObject("recommenderConfig"), group.Arn, context);
        var arn = context.Arn(ResourceKinds.Recommender, name);
        var recommender = new RecommenderRecord
        {
            Name = name,
            RecommenderArn = arn,
            DatasetGroupArn = group.Arn,
            RecipeArn = recipeArn,
            RecommenderConfig = config with { MinRecommendationRequestsPerSecond = config.MinRecommendationRequestsPerSecond ?? 1 },
        };
        await resources.CreateAsync(ResourceKinds.Recommender, arn, name, group.Arn, DescribeBody.Write(recommender), Tags.Read(input), context);
        return new JsonObject { ["recommenderArn"] = arn };
    }

    /// <summary>modelMetrics: the offline metrics of the model it serves (absent while it is created or deleted).</summary>
    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("recommenderArn"), ResourceKinds.Recommender, context);
        var body = record.ParseBody();
        if (record.Status is not (ResourceStatus.CreatePending or ResourceStatus.CreateInProgress or ResourceStatus.DeletePending or ResourceStatus.DeleteInProgress)
            && await models.ServedAsync(record.Arn, context.Aborted) is { } model)
        {
            var metrics = new JsonObject();
            foreach (var (metric, value) in artifacts.ReadMetrics(model.Arn).OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                metrics[metric] = value;
            }
            body["modelMetrics"] = metrics;
        }
        return new JsonObject { ["recommender"] = body };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.Recommender, "recommenders", "datasetGroupArn", ResourceKinds.DatasetGroup, input, context, SummaryMembers);

    /// <summary>Recorded in latestRecommenderUpdate; the current config serves until the update is ACTIVE.</summary>
    private async Task<JsonObject?> UpdateAsync(JsonElement input, CallContext context)
    {
        var recommender = await GetSettledAsync(input, context, "updated", ResourceStatus.Active, ResourceStatus.CreateFailed);
        var body = DescribeBody.Read<RecommenderRecord>(recommender.Body);
        var config = await ReadConfigAsync(input.OptionalObject("recommenderConfig"), body.DatasetGroupArn, context);
        var updated = body with
        {
            LastUpdatedDateTime = context.Now,
            LatestRecommenderUpdate = new RecommenderUpdate
            {
                RecommenderConfig = config with
                {
                    MinRecommendationRequestsPerSecond = config.MinRecommendationRequestsPerSecond ?? body.RecommenderConfig?.MinRecommendationRequestsPerSecond ?? 1,
                },
                Status = ResourceStatus.CreatePending,
                CreationDateTime = context.Now,
                LastUpdatedDateTime = context.Now,
            },
        };
        if (!await resources.Registry.UpdateIfUnchangedAsync(
            recommender with { UpdatedAt = context.Now, Body = DescribeBody.Text(updated) }, recommender, context.Aborted))
        {
            throw ChangedMeanwhile(recommender.Arn, "updated");
        }
        await resources.AdvanceAsync(ResourceKinds.Recommender, recommender.Arn);
        return new JsonObject { ["recommenderArn"] = recommender.Arn };
    }

    private async Task<JsonObject?> DeleteAsync(JsonElement input, CallContext context)
    {
        var arn = input.RequiredString("recommenderArn");
        var recommender = await resources.GetAsync(arn, ResourceKinds.Recommender, context);
        if (recommender.Status is ResourceStatus.DeletePending or ResourceStatus.DeleteInProgress)
        {
            return null;
        }
        var settled = await GetSettledAsync(input, context, "deleted", ResourceStatus.Active, ResourceStatus.CreateFailed, ResourceStatus.Inactive);
        // Conditional: a stop or start that went first would otherwise write its end status over the delete.
        if (!await resources.Registry.UpdateIfUnchangedAsync(settled.WithStatus(ResourceStatus.DeletePending, context.Now), settled, context.Aborted))
        {
            throw ChangedMeanwhile(arn, "deleted");
        }
        await resources.AdvanceAsync(ResourceKinds.Recommender, arn);
        return null;
    }

    private Task<JsonObject?> StopAsync(JsonElement input, CallContext context) =>
        MoveAsync(input, context, "stopped", ResourceStatus.Active, ResourceStatus.StopPending);

    private Task<JsonObject?> StartAsync(JsonElement input, CallContext context) =>
        MoveAsync(input, context, "started", ResourceStatus.Inactive, ResourceStatus.StartPending);

    /// <summary>Moves the recommender from <paramref name="from"/> to <paramref name="to"/>, unless something changed it meanwhile.</summary>
    private async Task<JsonObject?> MoveAsync(JsonElement input, CallContext context, string verb, string from, string to)
    {
        var recommender = await GetSettledAsync(input, context, verb, from);
        // Unchanged, not only the same status: an update recorded meanwhile keeps the status but must not be lost.
        if (!await resources.Registry.UpdateIfUnchangedAsync(recommender.WithStatus(to, context.Now), recommender, context.Aborted))
        {
            throw ChangedMeanwhile(recommender.Arn, verb);
        }
        await resources.AdvanceAsync(ResourceKinds.Recommender, recommender.Arn);
        return new JsonObject { ["recommenderArn"] = recommender.Arn };
    }

    private static ApiException ChangedMeanwhile(string arn, string verb) =>
        ApiErrors.InUse($"Recommender {arn} changed while being {verb}; describe it and try again.");

    /// <summary>The recommender when it is in one of <paramref name="allowed"/> with no update running; ResourceInUseException otherwise.</summary>
    private async Task<ResourceRecord> GetSettledAsync(JsonElement input, CallContext context, string verb, params string[] allowed)
    {
        var recommender = await resources.GetAsync(input.RequiredString("recommenderArn"), ResourceKinds.Recommender, context);
        if (!allowed.Contains(recommender.Status))
        {
            throw ApiErrors.InUse($"Recommender {recommender.Arn} is {recommender.Status}; it can be {verb} when {string.Join(" or ", allowed)}.");
        }
        if (DescribeBody.Read<RecommenderRecord>(recommender.Body).LatestRecommenderUpdate?.Status is { } updating && ResourceStatus.IsTransient(updating))
        {
            throw ApiErrors.InUse($"Recommender {recommender.Arn} has an update {updating}; it can be {verb} once the update ends.");
        }
        return recommender;
    }

    /// <summary>A recommender takes a use case of its dataset group's domain; custom groups have solutions and campaigns instead.</summary>
    private static void CheckRecipe(string recipeArn, ResourceRecord group)
    {
        var domain = DescribeBody.Read<DatasetGroupRecord>(group.Body).Domain;
        if (domain is null)
        {
            throw ApiErrors.InvalidInput(
                $"Dataset group {group.Arn} has no domain; recommenders need a domain dataset group (ECOMMERCE or VIDEO_ON_DEMAND). Use a solution and a campaign instead.");
        }
        var recipe = Definitions.Find(recipeArn);
        if (recipe?.Domain is null || !recipeArn.StartsWith(Definitions.ArnPrefix, StringComparison.Ordinal))
        {
            throw ApiErrors.InvalidInput($"recipeArn {recipeArn} is not a use case of a domain; ListRecipes with domain {domain} lists them.");
        }
        if (recipe.Domain != domain)
        {
            throw ApiErrors.InvalidInput($"recipeArn {recipeArn} is a {recipe.Domain} use case; dataset group {group.Arn} is of domain {domain}.");
        }
    }

    private async Task<RecommenderConfig> ReadConfigAsync(JsonElement? config, string groupArn, CallContext context)
    {
        ExplorationConfigCheck.Check("recommenderConfig", config);
        await trainingColumns.CheckAsync(config, groupArn, context);
        return config is { } given ? DescribeBody.Read<RecommenderConfig>(given) : new RecommenderConfig();
    }
}
