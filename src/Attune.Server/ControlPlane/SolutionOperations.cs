using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Grains.Training;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>CreateSolution, DescribeSolution, ListSolutions, UpdateSolution, DeleteSolution.</summary>
public sealed class SolutionOperations(Resources resources, TrainingColumnsCheck trainingColumns) : IOperationFamily
{
    private const string IncrementalUpdateRefused =
        "performIncrementalUpdate applies only to aws-semantic-similarity, which Attune does not offer. Attune needs no incremental " +
        "training: campaigns fold new events and PutItems items in at request time, and performAutoTraining retrains on a schedule.";

    private static readonly string[] SummaryMembers =
        ["name", "solutionArn", "status", "creationDateTime", "lastUpdatedDateTime", "recipeArn"];

    private static readonly string[] VersionSummaryMembers =
        ["solutionVersionArn", "status", "trainingMode", "trainingType", "creationDateTime", "lastUpdatedDateTime", "failureReason"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateSolution", CreateAsync);
        registry.Add("DescribeSolution", DescribeAsync);
        registry.Add("ListSolutions", ListAsync);
        registry.Add("UpdateSolution", UpdateAsync);
        registry.Add("DeleteSolution", DeleteAsync);
    }

    /// <summary>The summary of a solution's newest version, as DescribeSolution reports it.</summary>
    public static JsonObject VersionSummary(ResourceRecord version)
    {
        var body = version.ParseBody();
        var summary = new JsonObject();
        foreach (var member in VersionSummaryMembers)
        {
            if (body[member] is { } value)
            {
                summary[member] = value.DeepClone();
            }
        }
        return summary;
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var name = input.RequiredString("name");
        var group = await resources.GetActiveAsync(input.RequiredString("datasetGroupArn"), ResourceKinds.DatasetGroup, context);
        var performAutoMl = input.OptionalBool("performAutoML") ?? false;
        var performHpo = input.OptionalBool("performHPO") ?? false;
        var recipeArn = input.OptionalString("recipeArn");
        var config = input.OptionalObject("solutionConfig");
        if (performAutoMl)
        {
            if (recipeArn is not null)
            {
                throw ApiErrors.InvalidInput("recipeArn must be omitted when performAutoML is true; list the candidates in solutionConfig.autoMLConfig.recipeList.");
            }
            var candidates = config?.OptionalObject("autoMLConfig")?.OptionalArray("recipeList").Select(r => r.GetString()!).ToList() ?? [];
            if (candidates.Count == 0)
            {
                throw ApiErrors.InvalidInput("performAutoML needs solutionConfig.autoMLConfig.recipeList with at least one recipe ARN.");
            }
            foreach (var candidate in candidates)
            {
                RequireRecipe(candidate, "solutionConfig.autoMLConfig.recipeList");
                if (RecipeCatalog.Find(candidate)?.RecipeType == "PERSONALIZED_ACTIONS")
                {
                    throw ApiErrors.InvalidInput($"solutionConfig.autoMLConfig.recipeList: {candidate} cannot be chosen by AutoML; create its solution with recipeArn.");
                }
            }
        }
        else if (recipeArn is null)
        {
            throw ApiErrors.InvalidInput("recipeArn is required unless performAutoML is true.");
        }
        else
        {
            RequireRecipe(recipeArn, "recipeArn");
            if (performHpo && RecipeCatalog.Find(recipeArn)?.RecipeType == "PERSONALIZED_ACTIONS")
            {
                throw ApiErrors.InvalidInput($"{recipeArn} does not support hyperparameter optimization; set performHPO to false.");
            }
        }
        if (input.OptionalBool("performIncrementalUpdate") == true)
        {
            throw ApiErrors.InvalidInput(IncrementalUpdateRefused);
        }
        if (config is { } settings)
        {
            CheckConfig(settings, recipeArn, "solutionConfig");
            await trainingColumns.CheckAsync(settings, group.Arn, context, "solutionConfig", datasetsMustExist: false);
        }

        var arn = context.Arn(ResourceKinds.Solution, name);
        var solution = new SolutionRecord
        {
            Name = name,
            SolutionArn = arn,
            PerformHpo = performHpo,
            PerformAutoMl = performAutoMl,
            PerformAutoTraining = input.OptionalBool("performAutoTraining") ?? true,
            PerformIncrementalUpdate = false,
            DatasetGroupArn = group.Arn,
            RecipeArn = recipeArn,
            EventType = input.OptionalString("eventType"),
            SolutionConfig = config is { } accepted ? DescribeBody.Read<SolutionConfig>(accepted) : null,
        };
        await resources.CreateAsync(ResourceKinds.Solution, arn, name, group.Arn, DescribeBody.Write(solution), Tags.Read(input), context);
        return new JsonObject { ["solutionArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("solutionArn"), ResourceKinds.Solution, context);
        var body = record.ParseBody();
        var versions = await resources.Registry.ListLiveChildrenAsync(record.Arn, [ResourceKinds.SolutionVersion], context.Aborted);
        if (versions.Count > 0)
        {
            body["latestSolutionVersion"] = VersionSummary(versions[^1]);
        }
        return new JsonObject { ["solution"] = body };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.Solution, "solutions", "datasetGroupArn", ResourceKinds.DatasetGroup, input, context, SummaryMembers);

    /// <summary>Changes automatic training and event weights; recorded in latestSolutionUpdate as Personalize does.</summary>
    private async Task<JsonObject?> UpdateAsync(JsonElement input, CallContext context)
    {
        var stored = await resources.GetActiveAsync(input.RequiredString("solutionArn"), ResourceKinds.Solution, context);
        var solution = DescribeBody.Read<SolutionRecord>(stored.Body);
        if (input.OptionalBool("performIncrementalUpdate") == true)
        {
            throw ApiErrors.InvalidInput(IncrementalUpdateRefused);
        }
        var update = input.OptionalObject("solutionUpdateConfig");
        if (update is { } changes)
        {
            CheckConfig(changes, solution.RecipeArn, "solutionUpdateConfig");
        }
        var updateConfig = update is { } accepted ? DescribeBody.Read<SolutionUpdateConfig>(accepted) : null;
        var performAutoTraining = input.OptionalBool("performAutoTraining") ?? solution.PerformAutoTraining;
        var config = solution.SolutionConfig ?? new SolutionConfig();
        var updated = solution with
        {
            PerformAutoTraining = performAutoTraining,
            SolutionConfig = config with
            {
                AutoTrainingConfig = updateConfig?.AutoTrainingConfig ?? config.AutoTrainingConfig,
                EventsConfig = updateConfig?.EventsConfig ?? config.EventsConfig,
            },
            LastUpdatedDateTime = context.Now,
            LatestSolutionUpdate = new SolutionUpdate
            {
                PerformAutoTraining = performAutoTraining,
                PerformIncrementalUpdate = false,
                Status = ResourceStatus.Active,
                CreationDateTime = context.Now,
                LastUpdatedDateTime = context.Now,
                SolutionUpdateConfig = updateConfig,
            },
        };
        // Conditional: of two concurrent updates (or an update and a delete) one wins and the other is told, none is lost.
        if (!await resources.Registry.UpdateIfUnchangedAsync(
            stored with { UpdatedAt = context.Now, Body = DescribeBody.Text(updated) }, stored, context.Aborted))
        {
            throw ApiErrors.InUse($"Solution {stored.Arn} changed while being updated; describe it and try again.");
        }
        return new JsonObject { ["solutionArn"] = stored.Arn };
    }

    private async Task<JsonObject?> DeleteAsync(JsonElement input, CallContext context)
    {
        var solution = await resources.GetAsync(input.RequiredString("solutionArn"), ResourceKinds.Solution, context);
        var campaigns = await resources.Registry.ListLiveChildrenAsync(solution.Arn, [ResourceKinds.Campaign], context.Aborted);
        if (campaigns.Count > 0)
        {
            throw ApiErrors.InUse($"Solution {solution.Arn} is deployed in campaign(s) {string.Join(", ", campaigns.Select(c => c.Arn))}; delete them first.");
        }
        var versions = await resources.Registry.ListLiveChildrenAsync(solution.Arn, [ResourceKinds.SolutionVersion], context.Aborted);
        var training = versions.FirstOrDefault(v => ResourceStatus.IsTransient(v.Status));
        if (training is not null)
        {
            throw ApiErrors.InUse($"Solution version {training.Arn} is {training.Status}; stop it or wait for it first.");
        }
        await resources.DeleteAsync(solution, context);
        return null;
    }

    /// <summary>Range and job-count rules the model cannot express (its members are strings or unconstrained numbers).</summary>
    private static void CheckHpo(JsonElement hpo, string path)
    {
        var resources = hpo.OptionalObject("hpoResourceConfig");
        CheckCount(resources?.OptionalString("maxNumberOfTrainingJobs"), 1, 40, $"{path}.hpoResourceConfig.maxNumberOfTrainingJobs");
        CheckCount(resources?.OptionalString("maxParallelTrainingJobs"), 1, 10, $"{path}.hpoResourceConfig.maxParallelTrainingJobs");
        var ranges = hpo.OptionalObject("algorithmHyperParameterRanges");
        foreach (var kind in new[] { "integerHyperParameterRanges", "continuousHyperParameterRanges" })
        {
            foreach (var range in ranges?.OptionalArray(kind) ?? [])
            {
                var name = range.OptionalString("name");
                if (string.IsNullOrEmpty(name))
                {
                    throw ApiErrors.InvalidInput($"{path}.algorithmHyperParameterRanges.{kind}: every range needs a name.");
                }
                if (range.TryGetProperty("minValue", out var min) && range.TryGetProperty("maxValue", out var max)
                    && min.GetDouble() > max.GetDouble())
                {
                    throw ApiErrors.InvalidInput($"{path}.algorithmHyperParameterRanges: the range of {name} has minValue {min} above maxValue {max}.");
                }
            }
        }
        foreach (var range in ranges?.OptionalArray("categoricalHyperParameterRanges") ?? [])
        {
            if (!range.OptionalArray("values").Any())
            {
                throw ApiErrors.InvalidInput($"{path}.algorithmHyperParameterRanges: the categorical range {range.OptionalString("name")} needs values.");
            }
        }
    }

    private static void CheckCount(string? value, int min, int max, string member)
    {
        if (value is not null && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < min || count > max))
        {
            throw ApiErrors.InvalidInput($"{member} '{value}' must be a whole number from {min} to {max}.");
        }
    }

    private static void RequireRecipe(string recipeArn, string member)
    {
        var recipe = RecipeCatalog.Find(recipeArn)
            ?? throw new ApiException("ResourceNotFoundException", $"{member}: the recipe {recipeArn} does not exist; ListRecipes shows what Attune offers.");
        if (recipe.Domain is not null)
        {
            throw ApiErrors.InvalidInput($"{member}: {recipeArn} is a {recipe.Domain} use case; create a recommender for it (CreateRecommender), not a solution.");
        }
    }

    private static void CheckConfig(JsonElement config, string? recipeArn, string path)
    {
        if (config.OptionalObject("autoTrainingConfig")?.OptionalString("schedulingExpression") is { } schedule
            && AutoTrainingSchedule.ParseDays(schedule) is not (>= 1 and <= 30))
        {
            throw ApiErrors.InvalidInput($"{path}.autoTrainingConfig.schedulingExpression '{schedule}' must be rate(N days) with N from 1 to 30.");
        }
        if (config.OptionalObject("hpoConfig") is { } hpo)
        {
            CheckHpo(hpo, $"{path}.hpoConfig");
        }
        if (config.OptionalString("eventValueThreshold") is { } threshold
            && !double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw ApiErrors.InvalidInput($"{path}.eventValueThreshold '{threshold}' is not a number.");
        }
        if (config.OptionalObject("eventsConfig") is not null && recipeArn is not null
            && RecipeCatalog.Find(recipeArn)?.Definition.SupportsEventsConfig != true)
        {
            throw ApiErrors.InvalidInput($"{path}.eventsConfig applies only to the v2 recipes (aws-user-personalization-v2, aws-personalized-ranking-v2).");
        }
        SolutionConfigCheck.Check(config, recipeArn is null ? null : RecipeCatalog.Find(recipeArn)?.Definition, path);
    }
}
