using Attune.Contracts.Serving;
using Attune.Grains.Serving;
using Attune.Recipes.Models;

namespace Attune.Grains.Tests.Serving;

public sealed class ServingDetailsTests
{
    [Fact]
    public async Task A_deleted_filter_stops_serving_once_its_cache_entry_is_rechecked()
    {
        var clock = new ManualClock();
        using var world = new ServingWorld(clock: clock);
        var version = await world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await world.AddCampaignAsync("up", version);
        var filter = await world.AddFilterAsync("comedy", "INCLUDE ItemID WHERE Items.GENRE IN (\"comedy\")");
        var query = new RecommendationQuery { CampaignArn = campaign, UserId = "u1", NumResults = 2, FilterArn = filter };
        await world.Engine.RecommendAsync(query, Token);

        await world.Registry.DeleteAsync(filter, Token);
        var stillCached = await world.Engine.RecommendAsync(query, Token);
        clock.Advance(TimeSpan.FromSeconds(11));
        var error = await Assert.ThrowsAsync<ServingException>(() => world.Engine.RecommendAsync(query, Token).AsTask());

        Assert.Equal(2, stillCached.Items.Length);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }

    [Fact]
    public async Task Trending_campaigns_say_trending_and_give_no_scores()
    {
        using var world = new ServingWorld();
        var version = await world.AddVersionAsync("trend", "aws-trending-now", new PopularityModel(ServingWorld.NeighborhoodModel().Basis));
        var campaign = await world.AddCampaignAsync("trend", version);

        var result = await world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, NumResults = 2 }, Token);

        Assert.Equal(["i9", "i7"], result.Items.Select(i => i.ItemId));
        Assert.All(result.Items, item =>
        {
            Assert.Null(item.Score);
            Assert.Equal("trending", item.ExplanationBasis);
        });
    }

    [Fact]
    public void The_softmax_normalizer_matches_a_direct_sum_across_chunk_boundaries()
    {
        var random = new Random(5);
        var scores = Enumerable.Range(0, 5000).Select(_ => (float)(random.NextDouble() * 20 - 10)).ToArray();

        double direct = Math.Log(scores.Sum(s => Math.Exp(s)));

        Assert.Equal(direct, Softmax.LogNormalizer(scores), 4);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
