using System.Collections.Concurrent;
using Attune.Contracts.Serving;
using Attune.Contracts.Serving.Shards;
using Attune.Grains.Serving;
using Attune.Grains.Serving.Shards;
using Attune.Recipes.Data;
using Attune.Recipes.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attune.Grains.Tests.Serving;

/// <summary>
/// Exploration's cost per request is bounded by the pool, not by how many items are young (a new shop's whole
/// catalogue is), and the pool still takes a freshly put item at once.
/// </summary>
public sealed class ExplorationPoolTests : IDisposable
{
    private const int YoungModelItems = 3000;

    private readonly ServingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_request_scores_only_the_pool_however_many_items_are_young()
    {
        // 3,000 model items the data never dates: they count as created "now", so all are young.
        string[] ids = [.. ServingWorld.ItemIds, .. Enumerable.Range(0, YoungModelItems).Select(i => $"m{i}")];
        var model = new PopularityModel(new ModelBasis(ids, [.. ids.Select((_, i) => (float)(i % 17))],
            EventWeighting.Create(EventSettings.Default, ["view"])));
        var campaign = await _world.AddCampaignAsync("crowd", await _world.AddVersionAsync("crowd", "aws-user-personalization", model), explorationWeight: "1");
        var shards = new RecordingShards(new InProcessModelShards(_world.Artifacts));
        var engine = new RecommendationEngine(_world.Deployments, new FilterCache(_world.Registry, TimeProvider.System), shards,
            _world.Live, _world.Live, NullLogger<RecommendationEngine>.Instance);

        var result = await engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, UserId = "u2", NumResults = 25 }, Token);

        var deployment = await _world.Deployments.GetAsync(campaign, Token);
        var exploration = deployment.ExplorationIn(deployment.Model.Catalogue);
        Assert.True(exploration.Items.Length > YoungModelItems, $"{exploration.Items.Length} young items");
        Assert.Equal(ExplorationCandidates.PoolSize, exploration.Pool.Items.Length);
        // Each pooled model item stands for itself: the shards score the request's pool, not every young item. (The
        // request also started a refresh, which may have drawn a new pool since.)
        var scored = Assert.Single(shards.Queries).ScoredItems;
        Assert.Equal(ExplorationCandidates.PoolSize, scored.Length);
        Assert.Equal(25, result.Items.Length);
        var explored = result.Items.Where(item => item.Reason == Reasons.Exploration).ToList();
        Assert.NotEmpty(explored);
        Assert.All(explored, item => Assert.Contains(deployment.Model.Catalogue.ItemIndex[item.ItemId], scored));
    }

    [Fact]
    public async Task A_freshly_put_item_is_explored_at_once_among_many_young_items()
    {
        var version = await _world.AddVersionAsync("explore", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("explore", version, explorationWeight: "1");
        var westerns = await _world.AddFilterAsync("westerns", "INCLUDE ItemID WHERE Items.GENRE IN (\"western\")");
        await _world.PutItemsAsync(Enumerable.Range(0, 1000).Select(i => ($"new{i}", i % 2 == 0 ? "comedy" : "drama", 5.0)));

        await _world.PutItemAsync("fresh", "western", 12.5);
        var result = await _world.Engine.RecommendAsync(
            new RecommendationQuery { CampaignArn = campaign, UserId = "u2", NumResults = 5, FilterArn = westerns }, Token);

        var deployment = await _world.Deployments.GetAsync(campaign, Token);
        var exploration = deployment.ExplorationIn(deployment.Model.Catalogue);
        Assert.True(exploration.Items.Length > ExplorationCandidates.PoolSize * 10, $"{exploration.Items.Length} young items");
        Assert.True(exploration.Pool.Contains(deployment.Model.Catalogue.ItemIndex["fresh"]), "the newest item is pooled");
        var fresh = Assert.Single(result.Items);
        Assert.Equal("fresh", fresh.ItemId);
        Assert.Equal(Reasons.Exploration, fresh.Reason);
        Assert.Equal("new item exploration", fresh.ExplanationBasis);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The shards, recording every query the engine sends them.</summary>
    private sealed class RecordingShards(IModelShards inner) : IModelShards
    {
        public ConcurrentQueue<ShardQuery> Queries { get; } = new();

        public Task<ShardSelection[]> SelectAsync(ServedModel served, ShardQuery query)
        {
            Queries.Enqueue(query);
            return inner.SelectAsync(served, query);
        }

        public Task<int[]> ContributorsAsync(ServedModel served, ShardRequestHistory history, int[] items, int perItem) =>
            inner.ContributorsAsync(served, history, items, perItem);

        public Task<float[]> VectorsAsync(ServedModel served, int[] items) => inner.VectorsAsync(served, items);
    }
}
