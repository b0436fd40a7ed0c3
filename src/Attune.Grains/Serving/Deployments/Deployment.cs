using Attune.Recipes.Catalog;

namespace Attune.Grains.Serving;

/// <summary>A campaign as it serves now: the shared model of its version plus its own campaignConfig.</summary>
public sealed class Deployment
{
    private ExploredCatalogue? _exploration;

    public Deployment(string campaignArn, ServedModel model, CampaignSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        CampaignArn = campaignArn;
        Model = model;
        Settings = settings;
        IdTag = RecommendationIds.CampaignTag(campaignArn);
    }

    public string CampaignArn { get; }

    public ServedModel Model { get; }

    public CampaignSettings Settings { get; }

    /// <summary>The items to explore in <paramref name="catalogue"/>, worked out once per catalogue.</summary>
    public ExplorationCandidates ExplorationIn(ServedCatalogue catalogue)
    {
        var known = Volatile.Read(ref _exploration);
        if (known is not null && ReferenceEquals(known.Catalogue, catalogue))
        {
            return known.Candidates;
        }
        var candidates = Model.Recipe.Type == RecipeType.UserPersonalization && Settings.ExplorationWeight > 0
            ? ExplorationCandidates.Create(catalogue, Settings.ExplorationItemAgeCutOffDays)
            : ExplorationCandidates.None;
        Volatile.Write(ref _exploration, new ExploredCatalogue(catalogue, candidates));
        return candidates;
    }

    /// <summary>The campaign part of the recommendationIds this deployment issues.</summary>
    public string IdTag { get; }
}

/// <summary>A catalogue and the exploration candidates worked out for it.</summary>
internal sealed record ExploredCatalogue(ServedCatalogue Catalogue, ExplorationCandidates Candidates);
