using Attune.Recipes.Catalog;

namespace Attune.Grains.Serving;

/// <summary>A campaign as it serves now: the shared model of its version plus its own campaignConfig.</summary>
public sealed class Deployment
{
    public Deployment(string campaignArn, ServedModel model, CampaignSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        CampaignArn = campaignArn;
        Model = model;
        Settings = settings;
        IdTag = RecommendationLog.CampaignTag(campaignArn);
        Exploration = model.Recipe.Type == RecipeType.UserPersonalization && settings.ExplorationWeight > 0
            ? ExplorationCandidates.Create(model.Data, settings.ExplorationItemAgeCutOffDays)
            : ExplorationCandidates.None;
    }

    public string CampaignArn { get; }

    public ServedModel Model { get; }

    public CampaignSettings Settings { get; }

    public ExplorationCandidates Exploration { get; }

    /// <summary>The campaign part of the recommendationIds this deployment issues.</summary>
    public string IdTag { get; }
}
