using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Tests;

/// <summary>
/// A blend of a neighbourhood model, a factor model and popularity: it round-trips through its artifact, its slices
/// add up to the whole, and its explanation sums the weighted parts, so the named items follow whichever part
/// raised the score.
/// </summary>
public sealed class BlendedModelTests
{
    private static readonly InteractionData Data = TestData.Clusters(clusters: 4, usersPerCluster: 8, itemsPerCluster: 8).Build();

    private static readonly ModelHistory[] Histories =
    [
        Data.History("c0_0", "c0_3"),
        Data.History("c1_1", "c2_5", "c3_7", "c1_4"),
        ModelHistory.Empty,
    ];

    [Fact]
    public void A_blend_round_trips_through_its_artifact()
    {
        var blend = Blend(factorWeight: 0.5f, popularityWeight: 0.1f);

        var restored = ModelArtifacts.Read(ModelArtifacts.Write(blend), HeldItems.All, keepItemIds: true);

        Assert.Equal(ModelKind.Blend, restored.Kind);
        foreach (var history in Histories)
        {
            Assert.Equal(Scores(blend, history), Scores(restored, history));
            Assert.Equal(Contributors(blend, history), Contributors(restored, history));
        }
    }

    [Fact]
    public void Slices_score_like_the_whole_blend_and_name_the_neighbourhood_contributors()
    {
        var blend = Blend(factorWeight: 0.5f, popularityWeight: 0.1f);
        var artifact = ModelArtifacts.Write(blend);
        var head = ModelArtifacts.Read(artifact, _ => HeldItems.None, keepItemIds: true);
        var slices = Enumerable.Range(0, 3).Select(i => ModelArtifacts.Read(artifact, n => new HeldItems(n * i / 3, n * (i + 1) / 3), keepItemIds: false)).ToArray();

        foreach (var history in Histories)
        {
            var queryVector = head.QueryVector(history, item => ModelArtifacts.Gather(slices, item, blend.VectorSize));
            var expected = new float[blend.ItemCount];
            bool expectedHistory = blend.TryScore(history, expected);
            foreach (var slice in slices)
            {
                var scores = new float[slice.Held.Length];
                Assert.Equal(expectedHistory, slice.TryScoreRange(history, slice.Held.Start, scores, queryVector));
                Assert.Equal(expected.AsSpan(slice.Held.Start, slice.Held.Length).ToArray(), scores);

                // The factor part's split needs VᵀV and every history vector, which a slice does not hold.
                var items = Enumerable.Range(slice.Held.Start, slice.Held.Length).ToArray();
                Assert.Equal(Contributors(blend.Neighborhood!, history, items), Contributors(slice, history, items));
            }
        }
    }

    [Fact]
    public void The_explanation_follows_the_part_that_carries_the_weight()
    {
        var history = Data.History("c1_1", "c2_5", "c3_7", "c0_2");
        var neighborhoodLed = Blend(factorWeight: 1e-6f, popularityWeight: 0);
        var factorLed = Blend(factorWeight: 1e6f, popularityWeight: 0);

        // Wherever the leading part names an item first, the blend names it first too; where the leading part names
        // none, the other part's tiny share may name one (it did raise the score, a little).
        AssertLeads(neighborhoodLed.Neighborhood!, neighborhoodLed, history);
        AssertLeads(factorLed.Factors!, factorLed, history);
        Assert.NotEqual(Firsts(neighborhoodLed, history), Firsts(factorLed, history));
    }

    [Fact]
    public void A_factor_model_names_the_only_history_item_behind_every_raised_score()
    {
        var factors = Blend(1, 0).Factors!;
        var history = Data.History("c2_3");
        var scores = Scores(factors, history);
        var contributors = Contributors(factors, history);

        for (int item = 0; item < factors.ItemCount; item++)
        {
            Assert.Equal(scores[item] > 0 ? Data.Item("c2_3") : -1, contributors[item * 2]);
            Assert.Equal(-1, contributors[(item * 2) + 1]);
        }
    }

    private static BlendedModel Blend(float factorWeight, float popularityWeight)
    {
        var recipe = RecipeCatalog.Find("aws-user-personalization")!;
        RecommendationModel Train(string model) => recipe.Train(Data, EventSettings.Default,
            recipe.HyperParameters(new Dictionary<string, string> { ["model"] = model, ["hidden_dimension"] = "8" }),
            cancellationToken: TestContext.Current.CancellationToken);
        var neighborhood = Assert.IsType<NeighborhoodModel>(Train("ease"));
        var factors = Assert.IsType<FactorModel>(Train("ials"));
        return new BlendedModel(neighborhood.Basis, neighborhood, factors, factorWeight, popularityWeight);
    }

    private static float[] Scores(RecommendationModel model, ModelHistory history)
    {
        var scores = new float[model.ItemCount];
        model.Score(history, scores);
        return scores;
    }

    private static void AssertLeads(RecommendationModel part, RecommendationModel blend, ModelHistory history)
    {
        var lead = Firsts(part, history);
        var blended = Firsts(blend, history);
        Assert.Contains(lead, first => first >= 0);
        Assert.All(Enumerable.Range(0, lead.Length).Where(at => lead[at] >= 0), at => Assert.Equal(lead[at], blended[at]));
    }

    private static int[] Firsts(RecommendationModel model, ModelHistory history)
        => [.. Contributors(model, history).Where((_, at) => at % 2 == 0)];

    private static int[] Contributors(RecommendationModel model, ModelHistory history, int[]? items = null)
    {
        items ??= [.. Enumerable.Range(0, model.ItemCount)];
        var contributors = new int[items.Length * 2];
        model.TopContributors(history, items, 2, contributors);
        return contributors;
    }
}
