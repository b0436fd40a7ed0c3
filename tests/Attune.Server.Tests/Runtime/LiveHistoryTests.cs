using Attune.Grains.Serving;

namespace Attune.Server.Tests.Runtime;

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
        Assert.All(before.Items, item => Assert.Equal(ExplanationBasis.Popular, item.Explanation.Basis));

        _world.Live.Add("newcomer", "i3", ServingWorld.Now);
        var after = await _world.Engine.RecommendAsync(Query(campaign, "newcomer"), Token);

        Assert.Equal(["i4", "i1"], after.Items.Take(2).Select(i => i.ItemId));
        Assert.Equal(ExplanationBasis.History, after.Items[0].Explanation.Basis);
        Assert.Equal(3, after.Items[0].Explanation.First);
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

    private async Task<string> CampaignAsync()
    {
        var version = await _world.AddVersionAsync("live", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        return await _world.AddCampaignAsync("live", version);
    }

    private static RecommendationQuery Query(string campaign, string user) => new() { CampaignArn = campaign, UserId = user, NumResults = 4 };

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
