using System.Globalization;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;

namespace Attune.Recipes.Training;

/// <summary>
/// HPO on the validation split: the first job uses the current values, the others draw from the ranges
/// (seeded, so a rerun picks the same values; continuous ranges spanning two decades or more are drawn
/// log-uniformly). The best job by the objective wins, the earliest on ties.
/// </summary>
internal static class HyperParameterSearch
{
    private const int Seed = 20_240_601;

    public static (HyperParameters Best, double Score) Run(RecipeDefinition recipe, HyperParameters start, HpoSettings hpo,
        EventSettings events, HoldoutSplit validation, ProgressRelay progress, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var training = validation.Training();
        HyperParameters best = start;
        double bestScore = double.NaN;
        int jobs = Math.Max(1, hpo.MaxNumberOfTrainingJobs);
        for (int job = 0; job < jobs; job++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = start.With(job == 0 ? Clamp(start, hpo) : Draw(hpo, random));
            double score = Score(recipe, candidate, events, training, validation, hpo.MetricName, cancellationToken);
            if (double.IsNaN(bestScore) || (hpo.Minimize ? score < bestScore : score > bestScore))
            {
                best = candidate;
                bestScore = score;
            }

            progress.Report((job + 1) / (double)jobs);
        }

        return (best, bestScore);
    }

    public static double Score(RecipeDefinition recipe, HyperParameters hyperParameters, EventSettings events, InteractionData training,
        HoldoutSplit split, string metric, CancellationToken cancellationToken)
    {
        var model = recipe.Train(training, events, hyperParameters, cancellationToken: cancellationToken);
        var metrics = OfflineEvaluator.Evaluate(model, split, cancellationToken);
        return metrics.TryGetValue(metric, out double value)
            ? value
            : throw new ArgumentException($"Unknown metric {metric}; expected one of {string.Join(", ", MetricNames.All)}.", nameof(metric));
    }

    /// <summary>
    /// The starting values moved into the searched ranges (Personalize only tries values inside them): numbers are
    /// clamped to [min, max], categorical values not listed become the first listed one.
    /// </summary>
    private static Dictionary<string, string> Clamp(HyperParameters start, HpoSettings hpo)
    {
        var values = new Dictionary<string, string>();
        foreach (var range in hpo.IntegerRanges)
        {
            var current = double.TryParse(start.Values.GetValueOrDefault(range.Name), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : range.MinValue;
            values[range.Name] = ((int)Math.Round(Math.Clamp(current, range.MinValue, range.MaxValue))).ToString(CultureInfo.InvariantCulture);
        }

        foreach (var range in hpo.ContinuousRanges)
        {
            var current = double.TryParse(start.Values.GetValueOrDefault(range.Name), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : range.MinValue;
            values[range.Name] = Math.Clamp(current, range.MinValue, range.MaxValue).ToString("G6", CultureInfo.InvariantCulture);
        }

        foreach (var range in hpo.CategoricalRanges.Where(r => r.Values.Count > 0))
        {
            var current = start.Values.GetValueOrDefault(range.Name);
            values[range.Name] = current is not null && range.Values.Contains(current) ? current : range.Values[0];
        }

        return values;
    }

    private static Dictionary<string, string> Draw(HpoSettings hpo, Random random)
    {
        var values = new Dictionary<string, string>();
        foreach (var range in hpo.IntegerRanges)
        {
            values[range.Name] = random.Next(range.MinValue, range.MaxValue + 1).ToString(CultureInfo.InvariantCulture);
        }

        foreach (var range in hpo.ContinuousRanges)
        {
            double u = random.NextDouble();
            double value = range.MinValue > 0 && range.MaxValue / range.MinValue >= 100
                ? Math.Exp(Math.Log(range.MinValue) + (u * (Math.Log(range.MaxValue) - Math.Log(range.MinValue))))
                : range.MinValue + (u * (range.MaxValue - range.MinValue));
            values[range.Name] = value.ToString("G6", CultureInfo.InvariantCulture);
        }

        foreach (var range in hpo.CategoricalRanges.Where(r => r.Values.Count > 0))
        {
            values[range.Name] = range.Values[random.Next(range.Values.Count)];
        }

        return values;
    }
}
