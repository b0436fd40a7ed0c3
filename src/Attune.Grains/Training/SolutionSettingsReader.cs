using System.Globalization;
using Attune.Contracts.Resources;
using Attune.Recipes.Data;
using Attune.Recipes.Training;

namespace Attune.Grains.Training;

/// <summary>
/// Turns a solution's typed record (recipe, eventType, solutionConfig) into the recipes' training settings.
/// SolutionOperations validated every member when the solution was created or updated, so nothing is checked here.
/// </summary>
public static class SolutionSettingsReader
{
    public static SolutionSettings Read(SolutionRecord solution)
    {
        var config = solution.SolutionConfig;
        var hyperParameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var map in new[] { config?.FeatureTransformationParameters, config?.AlgorithmHyperParameters })
        {
            foreach (var (name, value) in map ?? new Dictionary<string, string>())
            {
                hyperParameters[name] = value;
            }
        }
        var autoMl = config?.AutoMlConfig;
        return new SolutionSettings
        {
            RecipeArn = solution.RecipeArn,
            HyperParameters = hyperParameters,
            Events = ReadEvents(solution, config),
            PerformHpo = solution.PerformHpo,
            Hpo = config?.HpoConfig is { } hpo ? ReadHpo(hpo) : null,
            PerformAutoMl = solution.PerformAutoMl,
            AutoMlRecipes = autoMl?.RecipeList?.ToList() ?? [],
            AutoMlMetric = autoMl?.MetricName ?? new SolutionSettings().AutoMlMetric,
        };
    }

    private static EventSettings ReadEvents(SolutionRecord solution, SolutionConfig? config) => new()
    {
        EventType = solution.EventType,
        EventValueThreshold = config?.EventValueThreshold is { } threshold
            ? double.Parse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture)
            : null,
        EventParameters = config?.EventsConfig?.EventParametersList?
            .Select(p => new EventParameters(p.EventType ?? string.Empty, p.EventValueThreshold, p.Weight ?? 1.0))
            .ToList() ?? [],
    };

    private static HpoSettings ReadHpo(HpoConfig hpo)
    {
        var ranges = hpo.AlgorithmHyperParameterRanges;
        var objective = hpo.HpoObjective;
        var defaults = new HpoSettings();
        return new HpoSettings
        {
            MetricName = objective?.MetricName ?? defaults.MetricName,
            Minimize = string.Equals(objective?.Type, "Minimize", StringComparison.OrdinalIgnoreCase),
            MaxNumberOfTrainingJobs = hpo.HpoResourceConfig?.MaxNumberOfTrainingJobs is { } jobs
                && int.TryParse(jobs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
                ? count
                : defaults.MaxNumberOfTrainingJobs,
            IntegerRanges = (ranges?.IntegerHyperParameterRanges ?? [])
                .Select(r => new IntegerRange(r.Name!, r.MinValue!.Value, r.MaxValue!.Value))
                .ToList(),
            ContinuousRanges = (ranges?.ContinuousHyperParameterRanges ?? [])
                .Select(r => new ContinuousRange(r.Name!, r.MinValue!.Value, r.MaxValue!.Value))
                .ToList(),
            CategoricalRanges = (ranges?.CategoricalHyperParameterRanges ?? [])
                .Select(r => new CategoricalRange(r.Name!, r.Values!.ToList()))
                .ToList(),
        };
    }
}
