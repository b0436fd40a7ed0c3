using Attune.Grains.Serving;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Server.Tests.Runtime;

/// <summary>Sharded top-k must equal a brute-force sort, in the parallel (large) and sequential (small) regimes.</summary>
public sealed class ShardMergeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Sharded_selection_equals_brute_force_over_a_large_catalogue_with_ties(int shards)
    {
        using var world = new ServingWorld(shards);
        var random = new Random(7);
        var popularity = new float[200_000];
        for (int i = 0; i < popularity.Length; i++)
        {
            popularity[i] = random.Next(1000);
        }
        var ids = Enumerable.Range(0, popularity.Length).Select(i => $"b{i}").ToArray();
        var model = new PopularityModel(new ModelBasis(ids, popularity, EventWeighting.Create(EventSettings.Default, [])));
        var version = await world.AddVersionAsync("big", "aws-popularity-count", model);
        var campaign = await world.AddCampaignAsync("big", version);

        var result = await world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, NumResults = 500 }, Token);

        var expected = Enumerable.Range(0, popularity.Length).OrderByDescending(i => popularity[i]).ThenBy(i => i).Take(500).Select(i => ids[i]);
        Assert.Equal(expected, result.Items.Select(i => i.ItemId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Sharded_selection_with_a_filter_equals_brute_force_on_a_small_catalogue(int shards)
    {
        using var world = new ServingWorld(shards);
        var version = await world.AddVersionAsync("pop", "aws-popularity-count", new PopularityModel(ServingWorld.NeighborhoodModel().Basis));
        var campaign = await world.AddCampaignAsync("pop", version);
        var cheap = await world.AddFilterAsync("cheap", "INCLUDE ItemID WHERE Items.PRICE < 65");

        var result = await world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, NumResults = 10, FilterArn = cheap }, Token);

        var expected = Enumerable.Range(0, 7).OrderByDescending(i => ServingWorld.Popularity[i]).ThenBy(i => i).Select(i => $"i{i}");
        Assert.Equal(expected, result.Items.Select(i => i.ItemId));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
