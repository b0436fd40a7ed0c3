namespace Attune.Contracts.Serving;

/// <summary>The runtime API of one campaign (key: its ARN). A stateless worker: every silo runs it locally.</summary>
[Alias("attune.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    [Alias("Recommend")]
    Task<ServingAnswer> RecommendAsync(RecommendationQuery query);

    [Alias("Rank")]
    Task<ServingAnswer> RankAsync(RankingQuery query);
}
