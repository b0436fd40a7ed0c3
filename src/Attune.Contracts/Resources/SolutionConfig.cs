using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A solution's <c>solutionConfig</c> as CreateSolution accepted it (SolutionOperations validates it) and UpdateSolution
/// amended it. Hyperparameter values and HPO job counts stay strings, as on the wire.
/// </summary>
public sealed record SolutionConfig
{
    [JsonPropertyName("algorithmHyperParameters")] public IReadOnlyDictionary<string, string>? AlgorithmHyperParameters { get; init; }
    [JsonPropertyName("autoMLConfig")] public AutoMlConfig? AutoMlConfig { get; init; }
    [JsonPropertyName("autoTrainingConfig")] public AutoTrainingConfig? AutoTrainingConfig { get; init; }
    [JsonPropertyName("eventValueThreshold")] public string? EventValueThreshold { get; init; }
    [JsonPropertyName("eventsConfig")] public EventsConfig? EventsConfig { get; init; }
    [JsonPropertyName("featureTransformationParameters")] public IReadOnlyDictionary<string, string>? FeatureTransformationParameters { get; init; }
    [JsonPropertyName("hpoConfig")] public HpoConfig? HpoConfig { get; init; }
    [JsonPropertyName("optimizationObjective")] public OptimizationObjective? OptimizationObjective { get; init; }
    [JsonPropertyName("trainingDataConfig")] public TrainingDataConfig? TrainingDataConfig { get; init; }
}

public sealed record AutoMlConfig
{
    [JsonPropertyName("metricName")] public string? MetricName { get; init; }
    [JsonPropertyName("recipeList")] public IReadOnlyList<string>? RecipeList { get; init; }
}

public sealed record AutoTrainingConfig
{
    [JsonPropertyName("schedulingExpression")] public string? SchedulingExpression { get; init; }
}

public sealed record EventsConfig
{
    [JsonPropertyName("eventParametersList")] public IReadOnlyList<EventParametersConfig>? EventParametersList { get; init; }
}

public sealed record EventParametersConfig
{
    [JsonPropertyName("eventType")] public string? EventType { get; init; }
    [JsonPropertyName("eventValueThreshold")] public double? EventValueThreshold { get; init; }
    [JsonPropertyName("weight")] public double? Weight { get; init; }
}

public sealed record OptimizationObjective
{
    [JsonPropertyName("itemAttribute")] public string? ItemAttribute { get; init; }
    [JsonPropertyName("objectiveSensitivity")] public string? ObjectiveSensitivity { get; init; }
}

public sealed record TrainingDataConfig
{
    [JsonPropertyName("excludedDatasetColumns")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? ExcludedDatasetColumns { get; init; }
    [JsonPropertyName("includedDatasetColumns")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? IncludedDatasetColumns { get; init; }
}
