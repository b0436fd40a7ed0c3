using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary><c>solutionConfig.hpoConfig</c>; SolutionOperations checks the ranges and job counts.</summary>
public sealed record HpoConfig
{
    [JsonPropertyName("algorithmHyperParameterRanges")] public HyperParameterRanges? AlgorithmHyperParameterRanges { get; init; }
    [JsonPropertyName("hpoObjective")] public HpoObjective? HpoObjective { get; init; }
    [JsonPropertyName("hpoResourceConfig")] public HpoResourceConfig? HpoResourceConfig { get; init; }
}

public sealed record HyperParameterRanges
{
    [JsonPropertyName("categoricalHyperParameterRanges")] public IReadOnlyList<CategoricalHyperParameterRange>? CategoricalHyperParameterRanges { get; init; }
    [JsonPropertyName("continuousHyperParameterRanges")] public IReadOnlyList<ContinuousHyperParameterRange>? ContinuousHyperParameterRanges { get; init; }
    [JsonPropertyName("integerHyperParameterRanges")] public IReadOnlyList<IntegerHyperParameterRange>? IntegerHyperParameterRanges { get; init; }
}

public sealed record CategoricalHyperParameterRange
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("values")] public IReadOnlyList<string>? Values { get; init; }
}

public sealed record ContinuousHyperParameterRange
{
    [JsonPropertyName("maxValue")] public double? MaxValue { get; init; }
    [JsonPropertyName("minValue")] public double? MinValue { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
}

public sealed record IntegerHyperParameterRange
{
    [JsonPropertyName("maxValue")] public int? MaxValue { get; init; }
    [JsonPropertyName("minValue")] public int? MinValue { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
}

public sealed record HpoObjective
{
    [JsonPropertyName("metricName")] public string? MetricName { get; init; }
    [JsonPropertyName("metricRegex")] public string? MetricRegex { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
}

public sealed record HpoResourceConfig
{
    [JsonPropertyName("maxNumberOfTrainingJobs")] public string? MaxNumberOfTrainingJobs { get; init; }
    [JsonPropertyName("maxParallelTrainingJobs")] public string? MaxParallelTrainingJobs { get; init; }
}
