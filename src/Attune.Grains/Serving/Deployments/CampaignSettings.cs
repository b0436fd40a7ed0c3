using System.Globalization;
using System.Text.Json.Nodes;

namespace Attune.Grains.Serving;

/// <summary>What a campaign record says about serving: the version to load and its campaignConfig.</summary>
public sealed record CampaignSettings(
    string SolutionVersionArn, float ExplorationWeight, double ExplorationItemAgeCutOffDays, bool MetadataEnabled)
{
    /// <summary>Personalize's defaults when itemExplorationConfig omits a member.</summary>
    public const float DefaultExplorationWeight = 0.3f;

    public const double DefaultExplorationItemAgeCutOffDays = 30;

    /// <summary>The suffix of solutionVersionArn that means "the solution's newest ACTIVE version".</summary>
    public const string LatestSuffix = "/$LATEST";

    /// <summary>
    /// Reads a campaign body. With <paramref name="pendingUpdate"/>, an unfinished latestCampaignUpdate wins (that is what
    /// DeployAsync prepares); otherwise the top-level members, which keep serving until the update is ACTIVE.
    /// </summary>
    public static CampaignSettings FromCampaign(JsonObject campaign, bool pendingUpdate)
    {
        var source = campaign;
        if (pendingUpdate && campaign["latestCampaignUpdate"] is JsonObject update
            && update["status"]?.GetValue<string>() is { } status && status != "ACTIVE" && !status.EndsWith("FAILED", StringComparison.Ordinal))
        {
            source = update;
        }
        var versionArn = source["solutionVersionArn"]?.GetValue<string>() ?? campaign["solutionVersionArn"]!.GetValue<string>();
        var config = source["campaignConfig"] as JsonObject ?? campaign["campaignConfig"] as JsonObject;
        var exploration = config?["itemExplorationConfig"] as JsonObject;
        return new CampaignSettings(
            versionArn,
            (float)Number(exploration?["explorationWeight"], DefaultExplorationWeight),
            Number(exploration?["explorationItemAgeCutOff"], DefaultExplorationItemAgeCutOffDays),
            config?["enableMetadataWithRecommendations"]?.GetValue<bool>() ?? false);
    }

    /// <summary>Personalize sends these as strings; numbers are accepted too. Bad text falls back to the default.</summary>
    private static double Number(JsonNode? node, double fallback) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback,
        JsonValue value when value.TryGetValue<double>(out var number) => number,
        _ => fallback,
    };
}
