using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A batch inference job as DescribeBatchInferenceJob answers it. Owned by BatchInferenceJobOperations, which validates
/// the members; the job grain reads it and writes <see cref="JobProgress"/>.
/// </summary>
public sealed record BatchInferenceJobRecord
{
    public const string BatchInferenceMode = "BATCH_INFERENCE";
    public const string ThemeGenerationMode = "THEME_GENERATION";

    /// <summary>Items per input line when the request does not say (GetRecommendations' default).</summary>
    public const int DefaultNumResults = 25;

    [JsonPropertyName("jobName")] public string JobName { get; init; } = string.Empty;
    [JsonPropertyName("batchInferenceJobArn")] public string BatchInferenceJobArn { get; init; } = string.Empty;
    [JsonPropertyName("filterArn")] public string? FilterArn { get; init; }
    [JsonPropertyName("solutionVersionArn")] public string SolutionVersionArn { get; init; } = string.Empty;
    [JsonPropertyName("numResults")] public int NumResults { get; init; } = DefaultNumResults;
    [JsonPropertyName("jobInput")] public BatchJobInput JobInput { get; init; } = new();
    [JsonPropertyName("jobOutput")] public JobOutput JobOutput { get; init; } = new();
    [JsonPropertyName("batchInferenceJobConfig")] public BatchInferenceJobConfig? BatchInferenceJobConfig { get; init; }
    [JsonPropertyName("roleArn")] public string? RoleArn { get; init; }
    [JsonPropertyName("batchInferenceJobMode")] public string BatchInferenceJobMode { get; init; } = BatchInferenceMode;
    [JsonPropertyName(BatchJobProgress.Member)] public BatchJobProgress? JobProgress { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}

/// <summary>batchInferenceJobConfig: exploration as a campaign's campaignConfig has it, and rankingInfluence (stored).</summary>
public sealed record BatchInferenceJobConfig
{
    [JsonPropertyName("itemExplorationConfig")] public IReadOnlyDictionary<string, string>? ItemExplorationConfig { get; init; }
    [JsonPropertyName("rankingInfluence")] public IReadOnlyDictionary<string, double>? RankingInfluence { get; init; }

    /// <summary>The same config as a campaign's, whose readers parse itemExplorationConfig.</summary>
    public CampaignConfig AsCampaignConfig() => new() { ItemExplorationConfig = ItemExplorationConfig };
}
