using System.Globalization;
using System.Text.Json.Nodes;
using Attune.Recipes.Data;
using Attune.Recipes.Training;

namespace Attune.Grains.Training;

/// <summary>Reads a solution's Describe body (recipe, eventType, solutionConfig) into the recipes' training settings.</summary>
public static class SolutionSettingsReader
{
    public static SolutionSettings Read(JsonObject solution)
    {
        var config = solution["solutionConfig"] as JsonObject;
        var hyperParameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in new[] { "featureTransformationParameters", "algorithmHyperParameters" })
        {
            if (config?[member] is JsonObject map)
            {
                foreach (var (name, value) in map)
                {
                    hyperParameters[name] = value?.GetValue<string>() ?? string.Empty;
                }
            }
        }
        var autoMl = config?["autoMLConfig"] as JsonObject;
        return new SolutionSettings
        {
            RecipeArn = solution["recipeArn"]?.GetValue<string>(),
            HyperParameters = hyperParameters,
            Events = ReadEvents(solution, config),
            PerformHpo = solution["performHPO"]?.GetValue<bool>() ?? false,
            Hpo = config?["hpoConfig"] is JsonObject hpo ? ReadHpo(hpo) : null,
            PerformAutoMl = solution["performAutoML"]?.GetValue<bool>() ?? false,
            AutoMlRecipes = (autoMl?["recipeList"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToList() ?? [],
            AutoMlMetric = autoMl?["metricName"]?.GetValue<string>() ?? new SolutionSettings().AutoMlMetric,
        };
    }

    private static EventSettings ReadEvents(JsonObject solution, JsonObject? config)
    {
        var parameters = (config?["eventsConfig"]?["eventParametersList"] as JsonArray)?
            .Select(p => new EventParameters(
                p!["eventType"]?.GetValue<string>() ?? string.Empty,
                p["eventValueThreshold"]?.GetValue<double>(),
                p["weight"]?.GetValue<double>() ?? 1.0))
            .ToList() ?? [];
        return new EventSettings
        {
            EventType = solution["eventType"]?.GetValue<string>(),
            EventValueThreshold = config?["eventValueThreshold"]?.GetValue<string>() is { } threshold
                ? double.Parse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture)
                : null,
            EventParameters = parameters,
        };
    }

    private static HpoSettings ReadHpo(JsonObject hpo)
    {
        var ranges = hpo["algorithmHyperParameterRanges"] as JsonObject;
        var objective = hpo["hpoObjective"] as JsonObject;
        var defaults = new HpoSettings();
        return new HpoSettings
        {
            MetricName = objective?["metricName"]?.GetValue<string>() ?? defaults.MetricName,
            Minimize = string.Equals(objective?["type"]?.GetValue<string>(), "Minimize", StringComparison.OrdinalIgnoreCase),
            MaxNumberOfTrainingJobs = hpo["hpoResourceConfig"]?["maxNumberOfTrainingJobs"]?.GetValue<string>() is { } jobs
                && int.TryParse(jobs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
                ? count
                : defaults.MaxNumberOfTrainingJobs,
            IntegerRanges = Items(ranges, "integerHyperParameterRanges")
                .Select(r => new IntegerRange(r["name"]!.GetValue<string>(), r["minValue"]!.GetValue<int>(), r["maxValue"]!.GetValue<int>()))
                .ToList(),
            ContinuousRanges = Items(ranges, "continuousHyperParameterRanges")
                .Select(r => new ContinuousRange(r["name"]!.GetValue<string>(), r["minValue"]!.GetValue<double>(), r["maxValue"]!.GetValue<double>()))
                .ToList(),
            CategoricalRanges = Items(ranges, "categoricalHyperParameterRanges")
                .Select(r => new CategoricalRange(r["name"]!.GetValue<string>(), (r["values"] as JsonArray)!.Select(v => v!.GetValue<string>()).ToList()))
                .ToList(),
        };
    }

    private static IEnumerable<JsonObject> Items(JsonObject? ranges, string member) =>
        (ranges?[member] as JsonArray)?.OfType<JsonObject>() ?? [];
}
