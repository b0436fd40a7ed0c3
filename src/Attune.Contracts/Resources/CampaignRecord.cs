using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A campaign as DescribeCampaign answers it. Owned by CampaignOperations, which validates the version and
/// <c>campaignConfig</c>; the lifecycle grain applies <see cref="LatestCampaignUpdate"/> once its model is deployed.
/// </summary>
public sealed record CampaignRecord
{
    /// <summary>The suffix of solutionVersionArn that means "the solution's newest ACTIVE version".</summary>
    public const string LatestSuffix = "/$LATEST";

    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("campaignArn")] public string CampaignArn { get; init; } = string.Empty;
    [JsonPropertyName("solutionVersionArn")] public string SolutionVersionArn { get; init; } = string.Empty;
    [JsonPropertyName("minProvisionedTPS")] public int MinProvisionedTps { get; init; }
    [JsonPropertyName("campaignConfig")] public CampaignConfig? CampaignConfig { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
    [JsonPropertyName("latestCampaignUpdate")] public CampaignUpdate? LatestCampaignUpdate { get; init; }

    /// <summary>Whether <paramref name="solutionVersionArn"/> follows the solution's newest version (&lt;solutionArn&gt;/$LATEST).</summary>
    public static bool FollowsLatest(string solutionVersionArn) =>
        solutionVersionArn.EndsWith(LatestSuffix, StringComparison.Ordinal);

    /// <summary>The solution whose newest version &lt;solutionArn&gt;/$LATEST follows.</summary>
    public static string SolutionOfLatest(string solutionVersionArn) => solutionVersionArn[..^LatestSuffix.Length];
}

/// <summary>An UpdateCampaign in progress or done, as <c>latestCampaignUpdate</c> reports it.</summary>
public sealed record CampaignUpdate
{
    [JsonPropertyName("solutionVersionArn")] public string SolutionVersionArn { get; init; } = string.Empty;
    [JsonPropertyName("minProvisionedTPS")] public int MinProvisionedTps { get; init; }
    [JsonPropertyName("campaignConfig")] public CampaignConfig? CampaignConfig { get; init; }
    [JsonPropertyName("status")] public string Status { get; init; } = string.Empty;
    [JsonPropertyName("creationDateTime")] public double CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}
