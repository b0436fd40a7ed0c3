using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A recommender as DescribeRecommender answers it (less <c>modelMetrics</c>, which Describe adds from its newest model).
/// Owned by RecommenderOperations, which validates the recipe against the group's domain and <c>recommenderConfig</c>;
/// the lifecycle grain trains and deploys it and applies <see cref="LatestRecommenderUpdate"/>.
/// </summary>
public sealed record RecommenderRecord
{
    /// <summary>The suffix of the version ARN a recommender serves: its newest ACTIVE model, as a campaign's $LATEST.</summary>
    public const string LatestModel = "/$LATEST";

    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("recommenderArn")] public string RecommenderArn { get; init; } = string.Empty;
    [JsonPropertyName("datasetGroupArn")] public string DatasetGroupArn { get; init; } = string.Empty;
    [JsonPropertyName("recipeArn")] public string RecipeArn { get; init; } = string.Empty;
    [JsonPropertyName("recommenderConfig")] public RecommenderConfig? RecommenderConfig { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
    [JsonPropertyName("latestRecommenderUpdate")] public RecommenderUpdate? LatestRecommenderUpdate { get; init; }
}

/// <summary><c>recommenderConfig</c>; itemExplorationConfig holds numbers in strings, as a campaign's does.</summary>
public sealed record RecommenderConfig
{
    [JsonPropertyName("itemExplorationConfig")] public IReadOnlyDictionary<string, string>? ItemExplorationConfig { get; init; }
    [JsonPropertyName("minRecommendationRequestsPerSecond")] public int? MinRecommendationRequestsPerSecond { get; init; }
    [JsonPropertyName("trainingDataConfig")] public TrainingDataConfig? TrainingDataConfig { get; init; }
    [JsonPropertyName("enableMetadataWithRecommendations")] public bool? EnableMetadataWithRecommendations { get; init; }

    /// <summary>The same config as a campaign's, for the serving settings (exploration, metadata).</summary>
    public CampaignConfig AsCampaignConfig() => new()
    {
        ItemExplorationConfig = ItemExplorationConfig,
        EnableMetadataWithRecommendations = EnableMetadataWithRecommendations,
    };
}

/// <summary>An UpdateRecommender in progress or done, as <c>latestRecommenderUpdate</c> reports it.</summary>
public sealed record RecommenderUpdate
{
    [JsonPropertyName("recommenderConfig")] public RecommenderConfig? RecommenderConfig { get; init; }
    [JsonPropertyName("status")] public string Status { get; init; } = string.Empty;
    [JsonPropertyName("creationDateTime")] public double CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}
