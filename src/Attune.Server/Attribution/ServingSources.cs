using Attune.Grains.Serving;
using Attune.Storage.Resources;

namespace Attune.Server.Attribution;

/// <summary>
/// Which campaign or recommender of a dataset group issued a recommendationId: ids end in their serving resource's
/// tag (<see cref="RecommendationIds.CampaignTag"/>), matched against the tags of the group's campaigns and recommenders.
/// </summary>
internal static class ServingSources
{
    /// <summary>The tag → ARN map of the group's live campaigns (under its solutions) and recommenders.</summary>
    public static async Task<Func<string, string?>> ReadAsync(IResourceRegistry registry, string groupArn, CancellationToken cancellationToken)
    {
        var byTag = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in await registry.ListLiveChildrenAsync(groupArn, [ResourceKinds.Solution, ResourceKinds.Recommender], cancellationToken))
        {
            if (child.Kind == ResourceKinds.Recommender)
            {
                byTag[RecommendationIds.CampaignTag(child.Arn)] = child.Arn;
                continue;
            }
            foreach (var campaign in await registry.ListLiveChildrenAsync(child.Arn, [ResourceKinds.Campaign], cancellationToken))
            {
                byTag[RecommendationIds.CampaignTag(campaign.Arn)] = campaign.Arn;
            }
        }
        return recommendationId => byTag.GetValueOrDefault(TagOf(recommendationId) ?? string.Empty);
    }

    /// <summary>The serving resource's tag at the end of an id Attune issued, or null for any other id.</summary>
    public static string? TagOf(string recommendationId)
    {
        var at = recommendationId.LastIndexOf("-CID-", StringComparison.Ordinal);
        return at >= 0 ? recommendationId[at..] : null;
    }
}
