using Attune.Contracts.Serving;
using Attune.Grains.Diagnostics;
using Orleans.Concurrency;

namespace Attune.Grains.Serving;

/// <summary>
/// Serves a campaign's requests on the silo that receives them: reentrant, so a worker takes new requests while
/// earlier ones wait on their user and shard grains, and stateless, so Orleans runs as many local workers as cores.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class CampaignGrain(RecommendationEngine engine) : Grain, ICampaignGrain
{
    public async Task<ServingAnswer> RecommendAsync(RecommendationQuery query)
    {
        using var activity = AttuneActivities.Source.StartActivity("campaign.recommend");
        activity?.SetTag("attune.campaign", query.CampaignArn);
        return await engine.RecommendAsync(query, CancellationToken.None);
    }

    public async Task<ServingAnswer> RankAsync(RankingQuery query)
    {
        using var activity = AttuneActivities.Source.StartActivity("campaign.rank");
        activity?.SetTag("attune.campaign", query.CampaignArn);
        return await engine.RankAsync(query, CancellationToken.None);
    }
}
