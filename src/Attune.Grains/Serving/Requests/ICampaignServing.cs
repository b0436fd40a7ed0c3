using Attune.Contracts.Serving;

namespace Attune.Grains.Serving;

/// <summary>How the front door reaches a campaign's serving (through its grain, on whichever silo takes the call).</summary>
public interface ICampaignServing
{
    Task<ServingAnswer> RecommendAsync(RecommendationQuery query);

    Task<ServingAnswer> RankAsync(RankingQuery query);
}

/// <summary>Serving through the campaign's stateless-worker grain.</summary>
public sealed class CampaignGrainServing(IGrainFactory grains) : ICampaignServing
{
    public Task<ServingAnswer> RecommendAsync(RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return grains.GetGrain<ICampaignGrain>(query.CampaignArn).RecommendAsync(query);
    }

    public Task<ServingAnswer> RankAsync(RankingQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return grains.GetGrain<ICampaignGrain>(query.CampaignArn).RankAsync(query);
    }
}
