using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Tests;

/// <summary>
/// A model read as a campaign's head plus shard slices answers exactly as the whole model: what lets a model larger
/// than one silo be served by shards that each hold only their items.
/// </summary>
public sealed class ModelSliceTests
{
    private const int Slices = 3;

    [Theory]
    [InlineData("aws-user-personalization", "ease")]
    [InlineData("aws-user-personalization", "ials")]
    [InlineData("aws-similar-items", "ease")]
    public void Slices_score_relate_and_explain_like_the_whole_model(string recipeName, string modelName)
    {
        var data = TestData.Clusters(clusters: 4, usersPerCluster: 8, itemsPerCluster: 8).Build();
        var recipe = RecipeCatalog.Find(recipeName)!;
        var whole = recipe.Train(data, EventSettings.Default,
            recipe.HyperParameters(new Dictionary<string, string> { ["model"] = modelName, ["hidden_dimension"] = "8" }),
            cancellationToken: TestContext.Current.CancellationToken);
        var artifact = ModelArtifacts.Write(whole);
        var head = ModelArtifacts.Read(artifact, _ => HeldItems.None, keepItemIds: true);
        var slices = Enumerable.Range(0, Slices)
            .Select(i => ModelArtifacts.Read(artifact, n => new HeldItems(n * i / Slices, n * (i + 1) / Slices), keepItemIds: false))
            .ToArray();

        Assert.Equal(whole.ItemIds, head.ItemIds);
        Assert.Empty(slices[0].ItemIds);
        foreach (var history in new[] { data.History("c0_0", "c0_3"), data.History("c1_1", "c2_5", "c3_7"), ModelHistory.Empty })
        {
            var queryVector = head.QueryVector(history, item => ModelArtifacts.Gather(slices, item, whole.VectorSize));
            var expected = new float[whole.ItemCount];
            bool expectedHistory = whole.TryScore(history, expected);
            foreach (var slice in slices)
            {
                var scores = new float[slice.Held.Length];
                Assert.Equal(expectedHistory, slice.TryScoreRange(history, slice.Held.Start, scores, queryVector));
                Assert.Equal(expected.AsSpan(slice.Held.Start, slice.Held.Length).ToArray(), scores);

                var items = Enumerable.Range(slice.Held.Start, slice.Held.Length).ToArray();
                var wholeContributors = new int[items.Length * 2];
                var sliceContributors = new int[items.Length * 2];
                whole.TopContributors(history, items, 2, wholeContributors);
                slice.TopContributors(history, items, 2, sliceContributors);
                // A factor model's split needs VᵀV and every history item's vector, which a slice does not hold: it names none.
                Assert.Equal(whole.VectorSize > 0 ? Enumerable.Repeat(-1, items.Length * 2) : wholeContributors, sliceContributors);
            }
        }

        for (int item = 0; item < whole.ItemCount; item += 5)
        {
            var expected = new float[whole.ItemCount];
            bool related = whole.TryScoreSimilar(item, expected);
            var vector = ModelArtifacts.Gather(slices, item, whole.VectorSize).ToArray();
            foreach (var slice in slices)
            {
                var scores = new float[slice.Held.Length];
                Assert.Equal(related, slice.TryScoreSimilarRange(item, slice.Held.Start, scores, vector));
                Assert.Equal(expected.AsSpan(slice.Held.Start, slice.Held.Length).ToArray(), scores);
            }
        }
    }

    [Fact]
    public void A_slice_refuses_items_it_does_not_hold_and_cannot_be_written()
    {
        var data = TestData.Clusters(clusters: 2, usersPerCluster: 4, itemsPerCluster: 6).Build();
        var recipe = RecipeCatalog.Find("aws-user-personalization")!;
        var whole = recipe.Train(data, EventSettings.Default, recipe.HyperParameters(), cancellationToken: TestContext.Current.CancellationToken);
        var slice = ModelArtifacts.Read(ModelArtifacts.Write(whole), n => new HeldItems(0, n / 2), keepItemIds: false);

        Assert.Throws<InvalidOperationException>(() => slice.TryScoreRange(data.History("c0_0"), 0, new float[whole.ItemCount]));
        Assert.Throws<InvalidOperationException>(() => slice.TryScore(data.History("c0_0"), new float[whole.ItemCount]));
        Assert.Throws<InvalidOperationException>(() => ModelSerializer.Write(slice, new MemoryStream()));
    }

    [Fact]
    public void A_popularity_model_counts_its_score_vector_as_payload_once_across_its_slices_and_none_in_its_head()
    {
        var data = TestData.Clusters(clusters: 3, usersPerCluster: 4, itemsPerCluster: 6).Build();
        var recipe = RecipeCatalog.Find("aws-popularity-count")!;
        var whole = recipe.Train(data, EventSettings.Default, recipe.HyperParameters(new Dictionary<string, string>()),
            cancellationToken: TestContext.Current.CancellationToken);
        var artifact = ModelArtifacts.Write(whole);
        var head = ModelArtifacts.Read(artifact, _ => HeldItems.None, keepItemIds: true);
        var slices = Enumerable.Range(0, Slices)
            .Select(i => ModelArtifacts.Read(artifact, n => new HeldItems(n * i / Slices, n * (i + 1) / Slices), keepItemIds: false));

        Assert.Equal(whole.ItemCount * sizeof(float), whole.PayloadBytes);
        Assert.Equal(whole.PayloadBytes, slices.Sum(slice => slice.PayloadBytes));
        Assert.Equal(0, head.PayloadBytes);
    }
}
