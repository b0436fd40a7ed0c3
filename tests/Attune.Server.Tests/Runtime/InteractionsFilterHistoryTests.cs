using Attune.Contracts.Serving;

namespace Attune.Server.Tests.Runtime;

/// <summary>
/// An EXCLUDE of rated items against a heavy user: the whole stored and live history counts by default, so the
/// oldest ratings stay excluded; Attune:Serving:InteractionsPerEventTypeCap = 100 restores Personalize's window.
/// </summary>
public sealed class InteractionsFilterHistoryTests
{
    private const string Excluded = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rating\")";

    [Fact]
    public async Task The_oldest_rating_of_a_heavy_user_stays_excluded()
    {
        using var world = new ServingWorld();
        var (campaign, filter) = await HeavyRaterAsync(world);

        var served = Ids(await world.Engine.RecommendAsync(Query(campaign, filter), Token));

        Assert.DoesNotContain("i0", served);
        Assert.DoesNotContain("i1", served);
        Assert.NotEmpty(served);
    }

    [Fact]
    public async Task Personalizes_cap_lets_ratings_beyond_the_newest_100_through()
    {
        using var world = new ServingWorld(interactionsPerEventTypeCap: 100);
        var (campaign, filter) = await HeavyRaterAsync(world);

        var served = Ids(await world.Engine.RecommendAsync(Query(campaign, filter), Token));

        Assert.Contains("i0", served);
        Assert.DoesNotContain("i1", served);
    }

    /// <summary>u2 rated i0 first, then i1 150 times (live events, after the served data): 151 ratings.</summary>
    private static async Task<(string Campaign, string Filter)> HeavyRaterAsync(ServingWorld world)
    {
        var version = await world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await world.AddCampaignAsync("up", version);
        var filter = await world.AddFilterAsync("unrated", Excluded);
        world.Live.Add("u2", "i0", ServingWorld.Now + 1, "rating");
        for (int i = 0; i < 150; i++)
        {
            world.Live.Add("u2", "i1", ServingWorld.Now + 2 + i, "rating");
        }
        return (campaign, filter);
    }

    private static RecommendationQuery Query(string campaign, string filter) =>
        new() { CampaignArn = campaign, UserId = "u2", NumResults = 10, FilterArn = filter };

    private static List<string> Ids(ServingAnswer result) => [.. result.Items.Select(i => i.ItemId)];

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
