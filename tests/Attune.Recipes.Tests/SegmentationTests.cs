using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Segmentation;

namespace Attune.Recipes.Tests;

public sealed class SegmentationTests
{
    [Fact]
    public void Item_affinity_finds_the_users_of_the_items_cluster()
    {
        var data = TestData.Clusters(clusters: 3, usersPerCluster: 6, itemsPerCluster: 6).Build();
        var recipe = RecipeCatalog.Find("aws-item-affinity")!;
        var model = recipe.Train(data, EventSettings.Default, recipe.HyperParameters(), cancellationToken: TestContext.Current.CancellationToken);
        var histories = Enumerable.Range(0, data.UserCount)
            .Select(u => new ModelHistory(Enumerable.Range(0, data.Count).Where(r => data.Users[r] == u).Select(r => data.Items[r]).ToArray()))
            .ToList();

        var segment = UserSegmentation.ForItems(model, histories, [data.Item("c2_0")], 6, TestContext.Current.CancellationToken);

        Assert.All(segment, s => Assert.StartsWith("u2_", data.UserIds[s.User], StringComparison.Ordinal));
    }

    [Fact]
    public void Attribute_query_matches_multi_valued_categories()
    {
        var metadata = new ItemMetadata { Categorical = [new CategoricalColumn("GENRES", ["Comedy|Drama", "Horror", null, "drama"])] };

        Assert.Equal([0, 3], UserSegmentation.ItemsWithAttribute(metadata, "genres", "Drama"));
    }
}
