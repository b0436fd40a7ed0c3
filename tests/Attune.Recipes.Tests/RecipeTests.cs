using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Tests;

public sealed class RecipeTests
{
    private static RecommendationModel Train(string recipe, InteractionData data, Dictionary<string, string>? overrides = null,
        EventSettings? events = null)
    {
        var definition = RecipeCatalog.Find(recipe)!;
        return definition.Train(data, events ?? EventSettings.Default, definition.HyperParameters(overrides),
            cancellationToken: TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("ease")]
    [InlineData("item_knn")]
    [InlineData("ials")]
    public void User_personalization_recommends_the_users_cluster(string model)
    {
        var data = TestData.Clusters(clusters: 3, usersPerCluster: 12, itemsPerCluster: 8).Build();
        var trained = Train("aws-user-personalization", data, new() { ["model"] = model, ["hidden_dimension"] = "8" });

        var history = data.History("c1_0", "c1_1", "c1_2");
        var top = trained.Recommend(history, 3, item => !history.Items.Span.Contains(item));

        Assert.All(top, s => Assert.StartsWith("c1_", data.Id(s.Item), StringComparison.Ordinal));
        Assert.InRange(top.Sum(s => s.Score), 0, 1.0001);
    }

    [Fact]
    public void Cold_user_gets_popular_items()
    {
        var data = new TestData().Add("a", "x", 1).Add("b", "x", 2).Add("c", "x", 3).Add("a", "y", 4).Add("b", "y", 5).Add("c", "z", 6).Build();
        var model = Train("aws-user-personalization", data);

        Assert.Equal(["x", "y", "z"], model.Recommend(ModelHistory.Empty, 3).Select(s => data.Id(s.Item)));
    }

    [Fact]
    public void A_purchase_outweighs_a_view_when_event_weights_say_so()
    {
        // Items p and v are symmetric: p co-occurs with p2, v with v2, equally often.
        var rows = new TestData();
        for (int u = 0; u < 10; u++)
        {
            rows.Add($"p{u}", "p", 10 * u, "purchase").Add($"p{u}", "p2", (10 * u) + 1, "purchase");
            rows.Add($"v{u}", "v", 10 * u, "purchase").Add($"v{u}", "v2", (10 * u) + 1, "purchase");
        }

        rows.Add("probe", "p", 1000, "purchase").Add("probe", "v", 1001, "view");
        var data = rows.Build();
        int purchase = Array.IndexOf(data.EventTypeNames, "purchase");
        int view = Array.IndexOf(data.EventTypeNames, "view");
        // The purchase is older: without weights, recency favours the viewed item's neighbour.
        var history = new ModelHistory(new[] { data.Item("p"), data.Item("v") }, eventTypes: new[] { purchase, view });
        bool Allowed(int item) => item == data.Item("p2") || item == data.Item("v2");

        var unweighted = Train("aws-user-personalization", data).Recommend(history, 1, Allowed);
        var weighted = Train("aws-user-personalization", data, new() { ["event_type_weights"] = "purchase:1,view:0.1" }).Recommend(history, 1, Allowed);

        Assert.Equal("v2", data.Id(unweighted[0].Item));
        Assert.Equal("p2", data.Id(weighted[0].Item));
    }

    [Fact]
    public void Event_value_threshold_and_event_type_drop_events_from_training()
    {
        var data = new TestData()
            .Add("a", "x", 1, "rating", 5).Add("b", "x", 2, "rating", 4).Add("c", "y", 3, "rating", 1)
            .Add("d", "y", 4, "rating", 1).Add("e", "y", 5, "rating", 2).Add("f", "z", 6, "click", 5).Build();

        var thresholded = Train("aws-popularity-count", data, events: new EventSettings { EventValueThreshold = 3 });
        var clicksOnly = Train("aws-popularity-count", data, events: new EventSettings { EventType = "click" });

        Assert.Equal([2f, 0f, 1f], thresholded.Popularity);
        Assert.Equal([0f, 0f, 1f], clicksOnly.Popularity);
    }

    [Fact]
    public void Popularity_count_ranks_by_interactions_with_ties_to_first_appearance()
    {
        var data = new TestData().Add("a", "x", 1).Add("a", "y", 2).Add("b", "y", 3).Add("b", "z", 4).Add("c", "z", 5).Add("c", "w", 6).Build();
        var model = Train("aws-popularity-count", data);

        Assert.Equal(["y", "z", "x", "w"], model.Recommend(ModelHistory.Empty, 4).Select(s => data.Id(s.Item)));
    }

    [Fact]
    public void Trending_now_picks_the_item_that_surged()
    {
        var rows = new TestData();
        // "steady" is the most popular overall; "surge" jumps in the last two hours.
        for (int i = 0; i < 40; i++)
        {
            rows.Add($"s{i}", "steady", i * 600);
        }

        for (int i = 0; i < 6; i++)
        {
            rows.Add($"t{i}", "surge", 40 * 600 + (i * 60));
            rows.Add($"t{i}", "steady", 40 * 600 + (i * 60) + 1);
        }

        var data = rows.Build();
        var model = Train("aws-trending-now", data, new() { ["trend_discovery_frequency"] = "1 hour" });

        Assert.Equal("surge", data.Id(model.Recommend(ModelHistory.Empty, 1)[0].Item));
    }

    [Fact]
    public void Sims_recommends_co_consumed_items()
    {
        var data = TestData.Clusters(clusters: 2, usersPerCluster: 10, itemsPerCluster: 6).Build();
        var model = Train("aws-sims", data);

        var similar = model.Similar(data.Item("c0_1"), 4);

        Assert.Equal(4, similar.Count);
        Assert.All(similar, s => Assert.StartsWith("c0_", data.Id(s.Item), StringComparison.Ordinal));
        Assert.DoesNotContain(similar, s => s.Item == data.Item("c0_1"));
    }

    [Fact]
    public void Similar_items_relates_a_cold_item_through_metadata()
    {
        var rows = TestData.Clusters(clusters: 2, usersPerCluster: 10, itemsPerCluster: 6);
        var ids = Enumerable.Range(0, 2).SelectMany(c => Enumerable.Range(0, 6).Select(k => $"c{c}_{k}")).Append("cold").ToArray();
        string?[] genres = [.. ids.Select(id => id == "cold" ? "Horror|Night" : id.StartsWith("c1", StringComparison.Ordinal) ? "Horror" : "Comedy")];
        var data = rows.Build(new ItemMetadata { Categorical = [new CategoricalColumn("GENRES", genres)] }, extraItems: ["cold"]);

        var model = Train("aws-similar-items", data);
        var similar = model.Similar(data.Item("cold"), 3);

        Assert.True(model.HasItemRelations);
        Assert.All(similar, s => Assert.StartsWith("c1_", data.Id(s.Item), StringComparison.Ordinal));
    }

    [Fact]
    public void Personalized_ranking_scores_are_a_softmax_over_the_input_list()
    {
        var data = TestData.Clusters(clusters: 2, usersPerCluster: 10, itemsPerCluster: 6).Build();
        var model = Train("aws-personalized-ranking", data);

        var ranked = model.Rank(data.History("c0_0", "c0_1"), [data.Item("c1_2"), data.Item("c0_3"), 999]);

        Assert.Equal(["c0_3", "c1_2"], ranked.Take(2).Select(s => data.Id(s.Item)));
        Assert.Equal(1.0, ranked.Take(2).Sum(s => s.Score), 4);
        Assert.Equal(999, ranked[2].Item);
        Assert.True(float.IsNaN(ranked[2].Score));
    }

    [Fact]
    public void Every_catalogued_item_recipe_trains_and_legacy_arns_resolve()
    {
        var data = TestData.Clusters(clusters: 2, usersPerCluster: 6, itemsPerCluster: 5).Build();
        // aws-next-best-action trains on action data instead (NextBestActionTests).
        foreach (var recipe in RecipeCatalog.All.Where(r => r.Type != RecipeType.PersonalizedActions))
        {
            var model = recipe.Train(data, EventSettings.Default, recipe.HyperParameters(), cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(data.ItemCount, model.ItemCount);
            Assert.NotEmpty(model.Recommend(data.History("c0_0"), 3));
        }

        Assert.Equal("aws-user-personalization", RecipeCatalog.Find("arn:aws:personalize:::recipe/aws-hrnn-coldstart")!.ServedBy);
        Assert.Null(RecipeCatalog.Find("aws-unknown"));
    }

    [Fact]
    public void Invalid_hyperparameters_name_the_parameter()
    {
        var recipe = RecipeCatalog.Find("aws-sims")!;
        var data = TestData.Clusters(1, 3, 3).Build();

        var error = Assert.Throws<ArgumentException>(() => recipe.Train(data, EventSettings.Default,
            recipe.HyperParameters(new Dictionary<string, string> { ["min_cointeraction_count"] = "11" }),
            cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("min_cointeraction_count", error.Message, StringComparison.Ordinal);
    }
}
