using Attune.Contracts.Resources;

namespace Attune.Grains.Serving;

/// <summary>What a campaign record says about serving: the version to load and its campaignConfig.</summary>
public sealed record CampaignSettings(
    string SolutionVersionArn, float ExplorationWeight, double ExplorationItemAgeCutOffDays, bool MetadataEnabled)
{
    /// <summary>Personalize's defaults when itemExplorationConfig omits a member.</summary>
    public const float DefaultExplorationWeight = 0.3f;

    public const double DefaultExplorationItemAgeCutOffDays = 30;

    /// <summary>
    /// Reads a campaign record. With <paramref name="pendingUpdate"/>, an unfinished latestCampaignUpdate wins (that is what
    /// DeployAsync prepares); otherwise the top-level members, which keep serving until the update is ACTIVE.
    /// CampaignOperations validated campaignConfig, so its values are only read here.
    /// </summary>
    public static CampaignSettings FromCampaign(CampaignRecord campaign, bool pendingUpdate)
    {
        var update = campaign.LatestCampaignUpdate;
        var pending = pendingUpdate && update is not null
            && update.Status != "ACTIVE" && !update.Status.EndsWith("FAILED", StringComparison.Ordinal);
        var versionArn = pending ? update!.SolutionVersionArn : campaign.SolutionVersionArn;
        var config = (pending ? update!.CampaignConfig : null) ?? campaign.CampaignConfig;
        return FromConfig(versionArn, config);
    }

    /// <summary>
    /// Reads a recommender record: it serves its newest ACTIVE model (a retraining swaps in when done) with its
    /// recommenderConfig's exploration and metadata settings.
    /// </summary>
    public static CampaignSettings FromRecommender(RecommenderRecord recommender) =>
        FromConfig(recommender.RecommenderArn + RecommenderRecord.LatestModel, recommender.RecommenderConfig?.AsCampaignConfig());

    private static CampaignSettings FromConfig(string versionArn, CampaignConfig? config)
    {
        return new CampaignSettings(
            versionArn,
            (float)(config?.ExplorationWeight ?? DefaultExplorationWeight),
            config?.ExplorationItemAgeCutOffDays ?? DefaultExplorationItemAgeCutOffDays,
            config?.EnableMetadataWithRecommendations ?? false);
    }
}
