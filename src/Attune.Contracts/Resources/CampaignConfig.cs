using System.Globalization;
using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A campaign's <c>campaignConfig</c>. CampaignOperations checks that <see cref="ItemExplorationConfig"/> holds only
/// <see cref="ExplorationWeightKey"/> (0 to 1) and <see cref="ExplorationItemAgeCutOffKey"/> (positive days), as numbers
/// in strings the way Personalize sends them; the typed readers below parse what that check accepted.
/// </summary>
public sealed record CampaignConfig
{
    public const string ExplorationWeightKey = "explorationWeight";

    public const string ExplorationItemAgeCutOffKey = "explorationItemAgeCutOff";

    [JsonPropertyName("enableMetadataWithRecommendations")] public bool? EnableMetadataWithRecommendations { get; init; }
    [JsonPropertyName("itemExplorationConfig")] public IReadOnlyDictionary<string, string>? ItemExplorationConfig { get; init; }
    [JsonPropertyName("rankingInfluence")] public IReadOnlyDictionary<string, double>? RankingInfluence { get; init; }
    [JsonPropertyName("syncWithLatestSolutionVersion")] public bool? SyncWithLatestSolutionVersion { get; init; }

    /// <summary>itemExplorationConfig.explorationWeight, or null when absent.</summary>
    [JsonIgnore] public double? ExplorationWeight => Exploration(ExplorationWeightKey);

    /// <summary>itemExplorationConfig.explorationItemAgeCutOff in days, or null when absent.</summary>
    [JsonIgnore] public double? ExplorationItemAgeCutOffDays => Exploration(ExplorationItemAgeCutOffKey);

    /// <summary>Parses one itemExplorationConfig value; null when absent or not a number.</summary>
    public static double? ParseExplorationValue(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private double? Exploration(string key) =>
        ItemExplorationConfig?.TryGetValue(key, out var text) == true ? ParseExplorationValue(text) : null;
}
