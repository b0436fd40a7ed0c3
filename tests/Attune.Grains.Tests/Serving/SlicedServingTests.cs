using Attune.Contracts.Serving;
using Attune.Contracts.Serving.Shards;
using Attune.Grains.Serving;
using Attune.Grains.Serving.Shards;
using Attune.Recipes.Data;
using Attune.Recipes.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attune.Grains.Tests.Serving;

/// <summary>
/// A model served by several shards is held by the campaign as its head only and by each shard as its slice (read
/// from the artifact as the shard grains read it); every API must answer as the whole model does.
/// </summary>
public sealed class SlicedServingTests
{
    private static readonly ModelHistory U2 = new(new[] { 3, 0 });

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_factor_model_in_slices_recommends_ranks_and_relates_like_the_whole_model(int shards)
    {
        using var world = new ServingWorld(shards);
        var model = RandomFactorModel(300, factors: 8, seed: 5);
        var personal = await world.AddCampaignAsync("f", await world.AddVersionAsync("f", "aws-user-personalization", model));
        var ranking = await world.AddCampaignAsync("r", await world.AddVersionAsync("r", "aws-personalized-ranking", model));
        var related = await world.AddCampaignAsync("s", await world.AddVersionAsync("s", "aws-sims", model));

        var recommended = await world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = personal, UserId = "u2", NumResults = 20 }, Token);
        var list = new[] { "i250", "i7", "i120", "i3", "i299", "i42" };
        var ranked = await world.Engine.RankAsync(new RankingQuery { CampaignArn = ranking, UserId = "u2", InputList = list }, Token);
        var similar = await world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = related, ItemId = "i5", NumResults = 10 }, Token);

        Assert.Equal(shards, (await world.Deployments.GetAsync(personal, Token)).Model.ShardCount);
        var scores = new float[model.ItemCount];
        model.Score(U2, scores);
        Assert.Equal(Best(model, U2, 20), recommended.Items.Select(i => i.ItemId));
        Assert.Equal(list.OrderByDescending(id => scores[int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)]), ranked.Items.Select(i => i.ItemId));
        Assert.Equal(model.Similar(5, 10).Select(s => $"i{s.Item}"), similar.Items.Select(i => i.ItemId));
    }

    [Fact]
    public async Task A_live_event_refolds_the_users_vector_for_a_factor_model_in_slices()
    {
        using var world = new ServingWorld(shards: 4);
        var model = RandomFactorModel(300, factors: 8, seed: 9);
        var campaign = await world.AddCampaignAsync("f", await world.AddVersionAsync("f", "aws-user-personalization", model));
        var query = new RecommendationQuery { CampaignArn = campaign, UserId = "u2", NumResults = 10 };

        var before = await world.Engine.RecommendAsync(query, Token);
        var again = await world.Engine.RecommendAsync(query, Token);
        world.Live.Add("u2", "i42", ServingWorld.Now);
        var after = await world.Engine.RecommendAsync(query, Token);

        Assert.Equal(Best(model, U2, 10), before.Items.Select(i => i.ItemId));
        Assert.Equal(before.Items.Select(i => i.ItemId), again.Items.Select(i => i.ItemId));
        Assert.Equal(Best(model, new ModelHistory(new[] { 3, 0, 42 }), 10), after.Items.Select(i => i.ItemId));
    }

    private static IEnumerable<string> Best(RecommendationModel model, ModelHistory history, int count)
    {
        var scores = new float[model.ItemCount];
        model.Score(history, scores);
        return Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(count).Select(i => $"i{i}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_neighbourhood_model_in_slices_names_the_same_history_items_as_the_whole_model(int shards)
    {
        using var world = new ServingWorld(shards);
        var model = ServingWorld.NeighborhoodModel();
        var campaign = await world.AddCampaignAsync("n", await world.AddVersionAsync("n", "aws-user-personalization", model));

        var result = await world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, UserId = "u2", NumResults = 3 }, Token);

        Assert.Equal(["i1", "i4", "i2"], result.Items.Select(i => i.ItemId));
        Assert.Equal(Contributors(model, [1, 4, 2]), result.Items.Select(i => i.ExplanationItems));
    }

    /// <summary>
    /// A user's first request gets its explanations with the shards' selection: one fan-out, not a second one for the
    /// contributors; the repeat request explains from the user's cache.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_first_request_is_explained_by_the_select_reply_without_a_contributors_fan_out(int shardCount)
    {
        using var world = new ServingWorld(shardCount);
        var model = ServingWorld.NeighborhoodModel();
        var campaign = await world.AddCampaignAsync("n", await world.AddVersionAsync("n", "aws-user-personalization", model));
        var shards = new CountingShards(new InProcessModelShards(world.Artifacts));
        var engine = new RecommendationEngine(world.Deployments, new FilterCache(world.Registry, TimeProvider.System), shards,
            world.Live, world.Live, NullLogger<RecommendationEngine>.Instance);
        var query = new RecommendationQuery { CampaignArn = campaign, UserId = "u2", NumResults = 3 };

        var first = await engine.RecommendAsync(query, Token);
        var again = await engine.RecommendAsync(query, Token);

        Assert.Equal(["i1", "i4", "i2"], first.Items.Select(i => i.ItemId));
        Assert.All(first.Items, item => Assert.Equal("history", item.ExplanationBasis));
        Assert.Equal(Contributors(model, [1, 4, 2]), first.Items.Select(i => i.ExplanationItems));
        Assert.Equal(Contributors(model, [1, 4, 2]), again.Items.Select(i => i.ExplanationItems));
        Assert.Equal(2, shards.Selects);
        Assert.Equal(0, shards.ContributorCalls);
    }

    /// <summary>The whole model's two contributors of each item for u2, as the explanation names them.</summary>
    private static IEnumerable<IEnumerable<string>> Contributors(RecommendationModel model, int[] items)
    {
        var contributors = new int[items.Length * 2];
        model.TopContributors(U2, items, 2, contributors);
        return contributors.Chunk(2).Select(pair => pair.Where(c => c >= 0).Select(c => $"i{c}"));
    }

    /// <summary>Items i0..i{count-1} with random factor vectors.</summary>
    private static FactorModel RandomFactorModel(int count, int factors, int seed)
    {
        var random = new Random(seed);
        var vectors = Enumerable.Range(0, count * factors).Select(_ => (float)(random.NextDouble() - 0.3)).ToArray();
        var ids = Enumerable.Range(0, count).Select(i => $"i{i}").ToArray();
        var popularity = Enumerable.Range(0, count).Select(_ => (float)random.Next(100)).ToArray();
        var basis = new ModelBasis(ids, popularity, EventWeighting.Create(EventSettings.Default, ["view"]));
        return new FactorModel(basis, factors, vectors, regularization: 0.1f, alpha: 2);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed class CountingShards(IModelShards inner) : IModelShards
    {
        private int _selects;
        private int _contributorCalls;

        public int Selects => _selects;

        public int ContributorCalls => _contributorCalls;

        public Task<ShardSelection[]> SelectAsync(ServedModel served, ShardQuery query)
        {
            Interlocked.Increment(ref _selects);
            return inner.SelectAsync(served, query);
        }

        public Task<int[]> ContributorsAsync(ServedModel served, ShardRequestHistory history, int[] items, int perItem)
        {
            Interlocked.Increment(ref _contributorCalls);
            return inner.ContributorsAsync(served, history, items, perItem);
        }

        public Task<float[]> VectorsAsync(ServedModel served, int[] items) => inner.VectorsAsync(served, items);
    }
}
