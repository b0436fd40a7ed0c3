using System.Globalization;
using Attune.Contracts.Serving;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Grains.Tests.Serving;

/// <summary>Scores and top-k over S model shards must equal one full scoring and a brute-force sort.</summary>
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

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public async Task Sharded_personal_scores_equal_one_full_scoring_with_the_catalogue_wide_softmax(int shards)
    {
        using var world = new ServingWorld(shards);
        var model = RandomNeighborhoodModel(300, seed: 11);
        var version = await world.AddVersionAsync("dense", "aws-user-personalization", model);
        var campaign = await world.AddCampaignAsync("dense", version);

        var result = await world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, UserId = "u2", NumResults = 25 }, Token);

        var scores = new float[model.ItemCount];
        model.Score(new ModelHistory(new[] { 3, 0 }), scores);
        double normalizer = scores.Sum(s => Math.Exp(s));
        var expected = Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(25).ToArray();
        Assert.Equal(expected.Select(i => $"i{i}"), result.Items.Select(i => i.ItemId));
        Assert.All(result.Items, item => Assert.Equal(Math.Exp(scores[int.Parse(item.ItemId[1..], CultureInfo.InvariantCulture)]) / normalizer, item.Score!.Value, 6));
    }

    /// <summary>Items i0..i{count-1}; every item's row has 40 random positive weights.</summary>
    private static NeighborhoodModel RandomNeighborhoodModel(int count, int seed)
    {
        var random = new Random(seed);
        var starts = new int[count + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (int row = 0; row < count; row++)
        {
            foreach (var column in Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(40).Order())
            {
                columns.Add(column);
                values.Add((float)random.NextDouble());
            }
            starts[row + 1] = columns.Count;
        }
        var ids = Enumerable.Range(0, count).Select(i => $"i{i}").ToArray();
        var popularity = Enumerable.Range(0, count).Select(_ => (float)random.Next(100)).ToArray();
        var basis = new ModelBasis(ids, popularity, EventWeighting.Create(EventSettings.Default, ["view"]));
        var similarity = new SparseRows(starts, [.. columns], [.. values]);
        return new NeighborhoodModel(basis, new NeighborhoodSettings { RecencyHalfLife = 0, TransitionWeight = 0 }, similarity, similarity, null);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
