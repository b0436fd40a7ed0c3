using Attune.Contracts.Serving;
using Attune.Grains.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attune.Server.Tests.Runtime;

/// <summary>PutItems and PutUsers reach the next request: new items explored and filtered, user attributes in IF clauses.</summary>
public sealed class LiveCatalogueTests : IDisposable
{
    private readonly ServingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_put_item_is_recommended_at_once_through_exploration_with_its_metadata_and_filters()
    {
        var version = await _world.AddVersionAsync("explore", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("explore", version, explorationWeight: "1", metadata: true);
        var comedies = await _world.AddFilterAsync("comedies", "INCLUDE ItemID WHERE Items.GENRE IN (\"comedy\")");
        var dramas = await _world.AddFilterAsync("dramas", "INCLUDE ItemID WHERE Items.GENRE IN (\"drama\")");
        var before = await _world.Engine.RecommendAsync(Query(campaign), Token);
        Assert.DoesNotContain("fresh", before.Items.Select(i => i.ItemId));

        await _world.PutItemAsync("fresh", "comedy", 12.5);
        var after = await _world.Engine.RecommendAsync(Query(campaign) with { MetadataColumns = ["GENRE", "PRICE"] }, Token);
        var comedy = await _world.Engine.RecommendAsync(Query(campaign) with { FilterArn = comedies }, Token);
        var drama = await _world.Engine.RecommendAsync(Query(campaign) with { FilterArn = dramas }, Token);

        var fresh = Assert.Single(after.Items, i => i.ItemId == "fresh");
        Assert.Equal(Reasons.Exploration, fresh.Reason);
        Assert.Equal("new item exploration", fresh.ExplanationBasis);
        Assert.True(fresh.Score > 0);
        Assert.Equal("comedy", after.Items.Single(i => i.ItemId == "fresh").Metadata!["GENRE"]);
        Assert.Contains("fresh", comedy.Items.Select(i => i.ItemId));
        Assert.DoesNotContain("fresh", drama.Items.Select(i => i.ItemId));
    }

    [Fact]
    public async Task A_put_user_attribute_changes_the_users_filter_on_the_next_request()
    {
        var version = await _world.AddVersionAsync("pop", "aws-popularity-count", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("pop", version);
        var adults = await _world.AddFilterAsync("adults", "EXCLUDE ItemID WHERE Items.PRICE > 50 IF CurrentUser.AGE < 18");
        var minor = await _world.Engine.RecommendAsync(Query(campaign) with { UserId = "u1", FilterArn = adults }, Token);
        Assert.DoesNotContain("i9", minor.Items.Select(i => i.ItemId));

        await _world.PutUserAsync("u1", 30);
        var adult = await _world.Engine.RecommendAsync(Query(campaign) with { UserId = "u1", FilterArn = adults }, Token);

        Assert.Equal("i9", adult.Items[0].ItemId);
    }

    [Fact]
    public async Task Live_interactions_lower_an_explored_items_novelty()
    {
        var version = await _world.AddVersionAsync("novelty", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var deployment = await _world.Deployments.GetAsync(await _world.AddCampaignAsync("novelty", version, explorationWeight: "1"), Token);
        var catalogue = deployment.Model.Catalogue;
        var exploration = deployment.ExplorationIn(catalogue);
        int slot = Array.IndexOf(exploration.Items, 6);
        Assert.Equal(0.5f, exploration.Novelty[slot]);

        _world.Live.Add("u1", "i6", ServingWorld.Now);
        _world.Live.Add("u2", "i6", ServingWorld.Now);
        exploration.Refresh(_world.Live, ServingWorld.GroupArn, TimeSpan.Zero, NullLogger.Instance);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (exploration.Novelty[slot] == 0.5f && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, Token);
        }
        Assert.Equal(0.25f, exploration.Novelty[slot]);
    }

    [Fact]
    public void Interactions_with_items_only_the_catalogue_knows_stay_in_served_histories_for_filters()
    {
        var ids = ServingWorld.ItemIds[..9];
        var model = new Recipes.Models.PopularityModel(new Recipes.Models.ModelBasis(ids, ServingWorld.Popularity[..9],
            Recipes.Data.EventWeighting.Create(Recipes.Data.EventSettings.Default, ["view"])));
        using var store = _world.OpenStore();

        var (data, catalogue) = ServedModelLoader.ReadData(store, model);

        int i9 = catalogue.ItemIndex["i9"];
        Assert.True(i9 >= model.ItemCount, "i9 is past the model's items");
        Assert.True(data.Histories.TryGet("crowd", out var history, out var newestFirst));
        Assert.Contains(i9, history.Items.ToArray());
        Assert.Contains(newestFirst.ToArray(), interaction => interaction.Index == i9 && interaction.EventType == "view");
        Assert.Equal(1, catalogue.InteractionCounts[i9]);
    }

    private static RecommendationQuery Query(string campaign) => new() { CampaignArn = campaign, UserId = "u2", NumResults = 11 };

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
