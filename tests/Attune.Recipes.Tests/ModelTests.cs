using Attune.Recipes.Algorithms;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Tests;

public sealed class ModelTests
{
    [Theory]
    [InlineData("aws-user-personalization", "ease")]
    [InlineData("aws-user-personalization", "ials")]
    [InlineData("aws-popularity-count", "ease")]
    [InlineData("aws-similar-items", "ease")]
    public void A_model_round_trips_through_its_artifact(string recipeName, string model)
    {
        var data = TestData.Clusters(clusters: 2, usersPerCluster: 8, itemsPerCluster: 6).Build();
        var recipe = RecipeCatalog.Find(recipeName)!;
        var original = recipe.Train(data, EventSettings.Default,
            recipe.HyperParameters(new Dictionary<string, string> { ["model"] = model, ["hidden_dimension"] = "8", ["event_type_weights"] = "click:0.5" }),
            cancellationToken: TestContext.Current.CancellationToken);

        using var stream = new MemoryStream();
        ModelSerializer.Write(original, stream);
        stream.Position = 0;
        var restored = ModelSerializer.Read(stream);

        var history = data.History("c0_0", "c0_2");
        var expected = new float[original.ItemCount];
        var actual = new float[restored.ItemCount];
        original.Score(history, expected);
        restored.Score(history, actual);
        Assert.Equal(original.Kind, restored.Kind);
        Assert.Equal(data.ItemIds, restored.ItemIds);
        Assert.Equal(expected, actual);
        Assert.Equal(original.Similar(0, 3), restored.Similar(0, 3));
    }

    [Fact]
    public void A_foreign_stream_is_rejected()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<InvalidDataException>(() => ModelSerializer.Read(stream));
    }

    [Fact]
    public void New_events_change_recommendations_without_retraining()
    {
        var data = TestData.Clusters(clusters: 2, usersPerCluster: 10, itemsPerCluster: 6).Build();
        var recipe = RecipeCatalog.Find("aws-user-personalization")!;
        var model = recipe.Train(data, EventSettings.Default, recipe.HyperParameters(), cancellationToken: TestContext.Current.CancellationToken);

        var before = model.Recommend(data.History("c0_0"), 1, i => i != data.Item("c0_0"));
        var after = model.Recommend(data.History("c0_0", "c1_0", "c1_1", "c1_2"), 1, i => data.Id(i) is not ("c0_0" or "c1_0" or "c1_1" or "c1_2"));

        Assert.StartsWith("c0_", data.Id(before[0].Item), StringComparison.Ordinal);
        Assert.StartsWith("c1_", data.Id(after[0].Item), StringComparison.Ordinal);
    }

    [Fact]
    public void Spd_inverse_times_the_matrix_is_the_identity()
    {
        const int n = 37;
        var random = new Random(3);
        var x = Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble()).ToArray();
        var a = new float[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = i == j ? 5 : 0;
                for (int k = 0; k < n; k++)
                {
                    sum += x[(k * n) + i] * x[(k * n) + j];
                }

                a[(i * n) + j] = sum;
            }
        }

        var inverse = SpdInverse.Invert((float[])a.Clone(), n, TestContext.Current.CancellationToken);

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += a[(i * n) + k] * inverse[(k * n) + j];
                }

                Assert.Equal(i == j ? 1.0 : 0.0, sum, 3);
            }
        }
    }

    [Fact]
    public void Top_k_breaks_ties_by_lower_index_and_honours_the_candidate_filter()
    {
        float[] scores = [1, 3, 3, float.NaN, 2, 3];

        Assert.Equal([1, 2, 5, 4], TopK.Select(scores, 4));
        Assert.Equal([1, 5, 4], TopK.Select(scores, 3, i => i != 2));
    }
}
