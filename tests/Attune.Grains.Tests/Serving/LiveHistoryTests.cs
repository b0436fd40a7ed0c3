using Attune.Contracts.Serving;
using Attune.Contracts.Serving.Shards;

namespace Attune.Grains.Tests.Serving;

/// <summary>Events committed after the served data change the very next answer, without a new model.</summary>
public sealed class LiveHistoryTests : IDisposable
{
    private readonly ServingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_new_users_first_event_already_personalizes()
    {
        var campaign = await CampaignAsync();
        var before = await _world.Engine.RecommendAsync(Query(campaign, "newcomer"), Token);
        Assert.All(before.Items, item => Assert.Equal("popular", item.ExplanationBasis));

        _world.Live.Add("newcomer", "i3", ServingWorld.Now);
        var after = await _world.Engine.RecommendAsync(Query(campaign, "newcomer"), Token);

        Assert.Equal(["i4", "i1"], after.Items.Take(2).Select(i => i.ItemId));
        Assert.Equal("history", after.Items[0].ExplanationBasis);
        Assert.Equal("i3", after.Items[0].ExplanationItems[0]);
    }

    [Fact]
    public async Task Live_events_invalidate_the_users_cached_scores_and_reach_interaction_filters()
    {
        var campaign = await CampaignAsync();
        var unseen = await _world.AddFilterAsync("unseen", "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"view\")");
        var cached = await _world.Engine.RecommendAsync(Query(campaign, "u1"), Token);
        Assert.Equal("i1", cached.Items[0].ItemId);

        _world.Live.Add("u1", "i3", ServingWorld.Now);
        _world.Live.Add("u1", "i1", ServingWorld.Now);
        var filtered = await _world.Engine.RecommendAsync(Query(campaign, "u1") with { FilterArn = unseen }, Token);
        var rescored = await _world.Engine.RecommendAsync(Query(campaign, "u1"), Token);

        Assert.Equal("i4", filtered.Items[0].ItemId);
        Assert.DoesNotContain("i1", filtered.Items.Select(i => i.ItemId));
        Assert.Equal(["i1", "i4"], rescored.Items.Take(2).Select(i => i.ItemId));
        Assert.NotEqual(cached.Items[0].Score, rescored.Items[0].Score);
    }

    [Fact]
    public void A_shard_keeps_a_users_scores_until_the_history_stamp_changes()
    {
        var model = ServingWorld.NeighborhoodModel();
        var scorer = new Grains.Serving.Shards.ShardScorer(model, new Grains.Serving.Shards.ShardRange(0, 1, model.ItemCount));

        var first = scorer.Select(Query("newcomer", stamp: 1, item: 3));
        var cached = scorer.Select(Query("newcomer", stamp: 1, item: 0));
        var rescored = scorer.Select(Query("newcomer", stamp: 2, item: 0));

        Assert.Equal(4, first.Main[0]);
        Assert.Equal(first.Main, cached.Main);
        Assert.Equal(1, rescored.Main[0]);
    }

    private static ShardQuery Query(string user, long stamp, int item) => new()
    {
        History = new ShardRequestHistory { UserId = user, Stamp = stamp, Items = [item], EventTypes = [0], EventValues = [float.NaN] },
        MainCount = 3,
    };

    private async Task<string> CampaignAsync()
    {
        var version = await _world.AddVersionAsync("live", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        return await _world.AddCampaignAsync("live", version);
    }

    private static RecommendationQuery Query(string campaign, string user) => new() { CampaignArn = campaign, UserId = user, NumResults = 4 };

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
