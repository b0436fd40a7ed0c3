using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A solution as DescribeSolution answers it (less <c>latestSolutionVersion</c>, which Describe adds from the versions).
/// Owned by SolutionOperations: it validates every member before a record is written; readers trust the values.
/// </summary>
public sealed record SolutionRecord
{
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("solutionArn")] public string SolutionArn { get; init; } = string.Empty;
    [JsonPropertyName("performHPO")] public bool PerformHpo { get; init; }
    [JsonPropertyName("performAutoML")] public bool PerformAutoMl { get; init; }
    [JsonPropertyName("performAutoTraining")] public bool PerformAutoTraining { get; init; }
    [JsonPropertyName("performIncrementalUpdate")] public bool PerformIncrementalUpdate { get; init; }
    [JsonPropertyName("datasetGroupArn")] public string DatasetGroupArn { get; init; } = string.Empty;
    [JsonPropertyName("recipeArn")] public string? RecipeArn { get; init; }
    [JsonPropertyName("eventType")] public string? EventType { get; init; }
    [JsonPropertyName("solutionConfig")] public SolutionConfig? SolutionConfig { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
    [JsonPropertyName("latestSolutionUpdate")] public SolutionUpdate? LatestSolutionUpdate { get; init; }
    [JsonPropertyName("autoMLResult")] public AutoMlResult? AutoMlResult { get; init; }
}

/// <summary>What the last UpdateSolution changed, as <c>latestSolutionUpdate</c> reports it.</summary>
public sealed record SolutionUpdate
{
    [JsonPropertyName("performAutoTraining")] public bool PerformAutoTraining { get; init; }
    [JsonPropertyName("performIncrementalUpdate")] public bool PerformIncrementalUpdate { get; init; }
    [JsonPropertyName("status")] public string Status { get; init; } = string.Empty;
    [JsonPropertyName("creationDateTime")] public double CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double LastUpdatedDateTime { get; init; }
    [JsonPropertyName("solutionUpdateConfig")] public SolutionUpdateConfig? SolutionUpdateConfig { get; init; }
}

/// <summary>The parts of <see cref="SolutionConfig"/> that UpdateSolution may replace.</summary>
public sealed record SolutionUpdateConfig
{
    [JsonPropertyName("autoTrainingConfig")] public AutoTrainingConfig? AutoTrainingConfig { get; init; }
    [JsonPropertyName("eventsConfig")] public EventsConfig? EventsConfig { get; init; }
}

/// <summary>The recipe an AutoML training chose, recorded on the solution.</summary>
public sealed record AutoMlResult
{
    [JsonPropertyName("bestRecipeArn")] public string BestRecipeArn { get; init; } = string.Empty;
}
