using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Contracts.Training;
using Attune.Grains.Recommenders;
using Attune.Server.Wire;
using Attune.Storage.Artifacts;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>
/// CreateSolutionVersion, DescribeSolutionVersion, ListSolutionVersions, StopSolutionVersionCreation,
/// GetSolutionMetrics. Training runs in a solution-version grain; its progress shows as the extra member
/// <c>trainingProgress</c> {percent, stage}.
/// </summary>
public sealed class SolutionVersionOperations(Resources resources, SolutionVersionFactory versions, IModelArtifacts artifacts, IGrainFactory grains) : IOperationFamily
{
    /// <summary>Recipes whose versions may be trained with trainingMode UPDATE, as in Personalize.</summary>
    private static readonly string[] UpdatableRecipes =
        ["arn:aws:personalize:::recipe/aws-user-personalization", "arn:aws:personalize:::recipe/aws-hrnn-coldstart"];

    private static readonly string[] SummaryMembers =
        ["solutionVersionArn", "status", "trainingMode", "trainingType", "creationDateTime", "lastUpdatedDateTime", "failureReason"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateSolutionVersion", CreateAsync);
        registry.Add("DescribeSolutionVersion", DescribeAsync);
        registry.Add("ListSolutionVersions", ListAsync);
        registry.Add("StopSolutionVersionCreation", StopAsync);
        registry.Add("GetSolutionMetrics", MetricsAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var solution = await resources.GetActiveAsync(input.RequiredString("solutionArn"), ResourceKinds.Solution, context);
        var mode = input.OptionalString("trainingMode") ?? "FULL";
        if (mode == "AUTOTRAIN")
        {
            throw ApiErrors.InvalidInput("trainingMode AUTOTRAIN is reserved for versions that automatic training creates; use FULL or UPDATE.");
        }
        if (mode == "UPDATE")
        {
            await RequireUpdatableAsync(solution, context);
        }
        var arn = await versions.CreateAsync(solution, mode, "MANUAL", input.OptionalString("name"), Tags.Read(input), context);
        return new JsonObject { ["solutionVersionArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("solutionVersionArn"), ResourceKinds.SolutionVersion, context);
        return new JsonObject { ["solutionVersion"] = record.ParseBody() };
    }

    /// <summary>A recommender's models are solution versions too, owned by the recommender: they are not the caller's to list.</summary>
    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.SolutionVersion, "solutionVersions", "solutionArn", ResourceKinds.Solution, input, context, SummaryMembers,
            include: version => !RecommenderModels.IsModel(version));

    /// <summary>
    /// Each status change is conditional on the status just read, so a stop racing the training grain (which marks the
    /// version CREATE IN_PROGRESS when it starts and ACTIVE when it ends) reads again rather than overwrite it.
    /// </summary>
    private async Task<JsonObject?> StopAsync(JsonElement input, CallContext context)
    {
        var arn = input.RequiredString("solutionVersionArn");
        while (true)
        {
            var version = await resources.GetAsync(arn, ResourceKinds.SolutionVersion, context);
            switch (version.Status)
            {
                case ResourceStatus.CreatePending:
                    if (await resources.Registry.UpdateIfStatusAsync(version.WithStatus(ResourceStatus.CreateStopped, context.Now), version.Status, context.Aborted))
                    {
                        return null;
                    }
                    break;
                case ResourceStatus.CreateInProgress:
                    if (await resources.Registry.UpdateIfStatusAsync(version.WithStatus(ResourceStatus.CreateStopping, context.Now), version.Status, context.Aborted))
                    {
                        await grains.GetGrain<ISolutionVersionGrain>(version.Arn).StopAsync();
                        return null;
                    }
                    break;
                case ResourceStatus.CreateStopping:
                    return null;
                default:
                    throw ApiErrors.InUse($"Solution version {version.Arn} is {version.Status}; only a pending or training version can be stopped.");
            }
        }
    }

    private async Task<JsonObject?> MetricsAsync(JsonElement input, CallContext context)
    {
        var version = await resources.GetAsync(input.RequiredString("solutionVersionArn"), ResourceKinds.SolutionVersion, context);
        if (version.Status != ResourceStatus.Active)
        {
            throw ApiErrors.InUse($"Solution version {version.Arn} is {version.Status}; metrics exist once it is ACTIVE.");
        }
        var metrics = new JsonObject();
        foreach (var (name, value) in artifacts.ReadMetrics(version.Arn).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            metrics[name] = value;
        }
        return new JsonObject { ["solutionVersionArn"] = version.Arn, ["metrics"] = metrics };
    }

    private async Task RequireUpdatableAsync(ResourceRecord solution, CallContext context)
    {
        var recipeArn = DescribeBody.Read<SolutionRecord>(solution.Body).RecipeArn;
        if (recipeArn is null || !UpdatableRecipes.Contains(recipeArn))
        {
            throw ApiErrors.InvalidInput("trainingMode UPDATE is available only for solutions on aws-user-personalization or aws-hrnn-coldstart.");
        }
        var existing = await resources.Registry.ListLiveChildrenAsync(solution.Arn, [ResourceKinds.SolutionVersion], context.Aborted);
        if (!existing.Any(v => v.Status == ResourceStatus.Active && DescribeBody.Read<SolutionVersionRecord>(v.Body).TrainingMode is "FULL" or "AUTOTRAIN"))
        {
            throw ApiErrors.InvalidInput("trainingMode UPDATE needs an ACTIVE solution version trained with trainingMode FULL first.");
        }
    }
}
