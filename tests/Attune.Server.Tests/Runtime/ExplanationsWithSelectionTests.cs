using Attune.Contracts.Serving;
using Attune.Contracts.Serving.Shards;
using Attune.Grains.Serving;
using Attune.Grains.Serving.Shards;
using Attune.Recipes.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attune.Server.Tests.Runtime;

/// <summary>
/// A user's first request on a model in several shards gets its explanations with the shards' selection: one fan-out,
/// not a second one for the contributors, and the same history items the whole model names.
/// </summary>
public sealed class ExplanationsWithSelectionTests
{
    private static readonly UserHistory U2 = new(new[] { 3, 0 });

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_first_request_is_explained_by_the_select_reply_without_a_contributors_fan_out(int shardCount)
    {
        using var world = new ServingWorld(shardCount);
        var model = ServingWorld.NeighborhoodModel();
        var campaign = await world.AddCampaignAsync("n", await world.AddVersionAsync("n", "aws-user-personalization", model));
        var shards = new CountingShards(new InProcessModelShards(world.Artifacts));
        var engine = new RecommendationEngine(world.Deployments, new FilterCache(world.Catalog, TimeProvider.System), shards,
            world.Live, world.Live, NullLogger<RecommendationEngine>.Instance);

        var first = await engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, UserId = "u2", NumResults = 3 }, Token);
        var again = await engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, UserId = "u2", NumResults = 3 }, Token);

        int[] items = [1, 4, 2];
        var contributors = new int[items.Length * 2];
        model.TopContributors(U2, items, 2, contributors);
        var expected = contributors.Chunk(2).Select(pair => pair.Where(c => c >= 0).Select(c => $"i{c}")).ToArray();
        Assert.Equal(["i1", "i4", "i2"], first.Items.Select(i => i.ItemId));
        Assert.All(first.Items, item => Assert.Equal("history", item.ExplanationBasis));
        Assert.Equal(expected, first.Items.Select(i => i.ExplanationItems));
        Assert.Equal(expected, again.Items.Select(i => i.ExplanationItems));
        Assert.Equal(2, shards.Selects);
        Assert.Equal(0, shards.ContributorCalls);
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

        public Task<int[]> ContributorsAsync(ServedModel served, ShardHistory history, int[] items, int perItem)
        {
            Interlocked.Increment(ref _contributorCalls);
            return inner.ContributorsAsync(served, history, items, perItem);
        }

        public Task<float[]> VectorsAsync(ServedModel served, int[] items) => inner.VectorsAsync(served, items);
    }
}
