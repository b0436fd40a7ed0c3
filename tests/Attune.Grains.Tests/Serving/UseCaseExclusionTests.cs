using Attune.Contracts.Serving;

namespace Attune.Grains.Tests.Serving;

/// <summary>
/// Domain use cases leave out items of one event type from the requesting user's history (more-like-x: watched
/// titles), on top of the request's own filter, and only when the request names the user.
/// </summary>
public sealed class UseCaseExclusionTests : IDisposable
{
    private readonly ServingWorld _world = new();

    public void Dispose() => _world.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task More_like_x_leaves_out_what_the_user_watched_and_keeps_the_request_filter()
    {
        var version = await _world.AddVersionAsync("more-like", "aws-vod-more-like-x", ServingWorld.NeighborhoodModel());
        var recommender = await _world.AddCampaignAsync("more-like", version);
        var dramas = await _world.AddFilterAsync("dramas", "INCLUDE ItemID WHERE Items.GENRE IN (\"drama\")");
        _world.Live.Add("viewer", "i1", ServingWorld.Now + 10, "Watch");
        _world.Live.Add("viewer", "i5", ServingWorld.Now + 11, "click");

        var anonymous = await _world.Engine.RecommendAsync(Query(recommender, null), Token);
        var viewer = await _world.Engine.RecommendAsync(Query(recommender, "viewer"), Token);
        var filtered = await _world.Engine.RecommendAsync(Query(recommender, "viewer") with { FilterArn = dramas }, Token);

        Assert.Equal(["i1", "i2", "i5"], Ids(anonymous).Take(3));
        Assert.Equal(["i2", "i5"], Ids(viewer).Take(2)); // i1 was watched; a click does not count
        Assert.DoesNotContain("i1", Ids(viewer));
        Assert.Equal("i2", Ids(filtered).First());
        Assert.All(Ids(filtered), id => Assert.Equal("drama", ServingWorld.Genres[int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)]));
    }

    [Fact]
    public async Task A_custom_recipe_excludes_nothing()
    {
        var version = await _world.AddVersionAsync("sims", "aws-sims", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("sims", version);
        _world.Live.Add("viewer", "i1", ServingWorld.Now + 10, "Watch");

        var result = await _world.Engine.RecommendAsync(Query(campaign, "viewer"), Token);

        Assert.Equal("i1", Ids(result).First());
    }

    private static RecommendationQuery Query(string arn, string? user) =>
        new() { CampaignArn = arn, UserId = user, ItemId = "i0", NumResults = 4 };

    private static IEnumerable<string> Ids(ServingAnswer result) => result.Items.Select(i => i.ItemId);
}
