using Attune.Recipes.Evaluation;

namespace Attune.Recipes.Training;

public sealed record IntegerRange(string Name, int MinValue, int MaxValue);

public sealed record ContinuousRange(string Name, double MinValue, double MaxValue);

public sealed record CategoricalRange(string Name, IReadOnlyList<string> Values);

/// <summary>
/// Personalize hpoConfig: the objective (metric key, "Maximize" or "Minimize"), the number of training jobs and
/// the algorithm hyperparameter ranges.
/// </summary>
public sealed record HpoSettings
{
    public string MetricName { get; init; } = MetricNames.NdcgAt10;

    public bool Minimize { get; init; }

    public int MaxNumberOfTrainingJobs { get; init; } = 8;

    public IReadOnlyList<IntegerRange> IntegerRanges { get; init; } = [];

    public IReadOnlyList<ContinuousRange> ContinuousRanges { get; init; } = [];

    public IReadOnlyList<CategoricalRange> CategoricalRanges { get; init; } = [];

    public IEnumerable<string> Names
        => IntegerRanges.Select(r => r.Name).Concat(ContinuousRanges.Select(r => r.Name)).Concat(CategoricalRanges.Select(r => r.Name));
}
