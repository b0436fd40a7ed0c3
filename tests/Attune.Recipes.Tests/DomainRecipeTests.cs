using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Tests;

/// <summary>Each domain use case trains the model it stands for, on small shops and catalogues shaped for it.</summary>
public sealed class DomainRecipeTests
{
    private static RecommendationModel Train(string recipe, InteractionData data)
    {
        var definition = RecipeCatalog.Find(recipe)!;
        return definition.Train(data, EventSettings.Default, definition.HyperParameters(), cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// 40 shoppers: every one who buys A buys B a minute later; everyone also buys a random other item days apart, and
    /// views A next to C far more often than they buy anything.
    /// </summary>
    private static InteractionData Shop()
    {
        var random = new Random(7);
        var rows = new TestData();
        long day = 86_400;
        for (int u = 0; u < 40; u++)
        {
            long t = 1_000_000 + (u * 10 * day);
            if (u % 2 == 0)
            {
                rows.Add($"u{u}", "A", t, "Purchase").Add($"u{u}", "B", t + 60, "Purchase");
            }
            rows.Add($"u{u}", $"x{random.Next(8)}", t + (3 * day), "Purchase");
            rows.Add($"u{u}", "A", t + (4 * day), "View").Add($"u{u}", "C", t + (4 * day) + 30, "View").Add($"u{u}", "C", t + (4 * day) + 90, "View");
        }

        return rows.Build();
    }

    [Fact]
    public void Frequently_bought_together_ranks_the_item_always_bought_with_A_first()
    {
        var data = Shop();
        var model = Train("aws-ecomm-frequently-bought-together", data);

        var together = model.Similar(data.Item("A"), 3);

        Assert.Equal("B", data.Id(together[0].Item));
        // C was only viewed with A, never bought with it.
        Assert.DoesNotContain(together, s => data.Id(s.Item) == "C");
    }

    [Fact]
    public void Customers_who_viewed_x_follows_views_not_purchases()
    {
        var data = Shop();
        var model = Train("aws-ecomm-customers-who-viewed-x-also-viewed", data);

        Assert.Equal("C", data.Id(model.Similar(data.Item("A"), 1)[0].Item));
    }

    [Fact]
    public void Best_sellers_follow_purchases_and_most_viewed_follows_views()
    {
        var data = Shop();

        var bestSellers = Train("aws-ecomm-popular-items-by-purchases", data).Recommend(ModelHistory.Empty, 2).Select(s => data.Id(s.Item));
        var mostViewed = Train("aws-ecomm-popular-items-by-views", data).Recommend(ModelHistory.Empty, 1).Select(s => data.Id(s.Item));

        // C has the most views but is never bought; A and B are bought by half the shoppers.
        Assert.Equal(["A", "B"], bestSellers.Order(StringComparer.Ordinal));
        Assert.Equal(["C"], mostViewed);
    }

    [Fact]
    public void Best_sellers_count_only_the_recent_window()
    {
        long day = 86_400;
        var rows = new TestData();
        for (int u = 0; u < 10; u++)
        {
            rows.Add($"old{u}", "classic", u, "Purchase");
        }
        for (int u = 0; u < 3; u++)
        {
            rows.Add($"new{u}", "hit", (200 * day) + u, "Purchase");
        }

        var data = rows.Build();
        var top = Train("aws-ecomm-popular-items-by-purchases", data).Recommend(ModelHistory.Empty, 2);

        Assert.Equal(["hit", "classic"], top.Select(s => data.Id(s.Item)));
    }

    [Fact]
    public void Because_you_watched_x_relates_co_watched_titles_and_more_like_x_relates_a_new_title_through_its_genres()
    {
        var rows = TestData.Clusters(clusters: 2, usersPerCluster: 10, itemsPerCluster: 6);
        var ids = Enumerable.Range(0, 2).SelectMany(c => Enumerable.Range(0, 6).Select(k => $"c{c}_{k}")).Append("premiere").ToArray();
        string?[] genres = [.. ids.Select(id => id == "premiere" ? "Horror" : id.StartsWith("c1", StringComparison.Ordinal) ? "Horror" : "Comedy")];
        var data = rows.Build(new ItemMetadata { Categorical = [new CategoricalColumn("GENRES", genres)] }, extraItems: ["premiere"]);

        var watched = Train("aws-vod-because-you-watched-x", data).Similar(data.Item("c0_1"), 4);
        var moreLike = Train("aws-vod-more-like-x", data).Similar(data.Item("premiere"), 3);

        Assert.All(watched, s => Assert.StartsWith("c0_", data.Id(s.Item), StringComparison.Ordinal));
        Assert.All(moreLike, s => Assert.StartsWith("c1_", data.Id(s.Item), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_use_case_belongs_to_its_domain_and_custom_recipes_to_none()
    {
        var byDomain = RecipeCatalog.All.Where(r => r.Domain is not null).GroupBy(r => r.Domain!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(5, byDomain["ECOMMERCE"]);
        Assert.Equal(5, byDomain["VIDEO_ON_DEMAND"]);
        Assert.Null(RecipeCatalog.Find("aws-sims")!.Domain);
        Assert.All(RecipeCatalog.All.Where(r => r.Domain == "ECOMMERCE"), r => Assert.StartsWith("aws-ecomm-", r.Name, StringComparison.Ordinal));
    }
}
