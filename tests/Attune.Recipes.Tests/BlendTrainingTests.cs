using Attune.Recipes.Blending;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;
using Attune.Recipes.Models;

namespace Attune.Recipes.Tests;

/// <summary>
/// The default personalization blend (model=auto) weighs its parts by what wins on the validation users of the data
/// at hand: transitions where the order of events carries the signal, latent factors where users mix topics over a
/// long tail; the same data always gives the same model.
/// </summary>
public sealed class BlendTrainingTests
{
    [Fact]
    public void Ordered_data_gets_a_transition_heavy_blend_that_beats_the_previous_default_on_the_test_users()
    {
        var data = GeneratedData.Chains(users: 1500, items: 300, seed: 3);
        var split = HoldoutSplit.Create(data, HoldoutSplit.TestBucket);

        var blend = Train(split.Training(), "auto");
        var previous = Train(split.Training(), "ease");

        var neighborhood = Assert.IsType<NeighborhoodModel>(blend is BlendedModel b ? b.Neighborhood : blend);
        Assert.True(neighborhood.Settings.TransitionWeight > 0, blend.TrainingNote);
        double blendNdcg = OfflineEvaluator.Evaluate(blend, split, TestContext.Current.CancellationToken)[MetricNames.NdcgAt10];
        double previousNdcg = OfflineEvaluator.Evaluate(previous, split, TestContext.Current.CancellationToken)[MetricNames.NdcgAt10];
        Assert.True(blendNdcg > previousNdcg, $"blend {blendNdcg:0.0000} vs EASE + transitions {previousNdcg:0.0000}; {blend.TrainingNote}");
    }

    [Fact]
    public void Unordered_topic_data_gives_the_factor_part_weight()
    {
        var data = GeneratedData.Topics(users: 2000, items: 1500, topics: 12, seed: 5);

        var blend = Train(data, "auto");

        var blended = Assert.IsType<BlendedModel>(blend);
        Assert.True(blended.FactorWeight > 0, blend.TrainingNote);
    }

    [Fact]
    public void The_same_data_trains_the_same_model_byte_for_byte()
    {
        var data = GeneratedData.Topics(users: 800, items: 400, topics: 6, seed: 9);

        Assert.Equal(ModelArtifacts.Write(Train(data, "auto")), ModelArtifacts.Write(Train(data, "auto")));
    }

    [Fact]
    public void Data_with_too_few_validation_users_serves_the_prior_EASE_plus_transitions()
    {
        var data = TestData.Clusters(clusters: 4, usersPerCluster: 8, itemsPerCluster: 6).Build();
        Assert.InRange(data.UserIds.Count(id => Fnv1a.Bucket(id) == HoldoutSplit.ValidationBucket), 1, PersonalizationBlend.MinSearchUsers - 1);

        var model = Assert.IsType<NeighborhoodModel>(Train(data, "auto"));

        Assert.Equal(0.3f, model.Settings.TransitionWeight);
        Assert.Contains("prior", model.TrainingNote, StringComparison.Ordinal);
    }

    private static RecommendationModel Train(InteractionData data, string model)
    {
        var recipe = RecipeCatalog.Find("aws-user-personalization")!;
        return recipe.Train(data, EventSettings.Default,
            recipe.HyperParameters(new Dictionary<string, string> { ["model"] = model, ["hidden_dimension"] = "16" }),
            cancellationToken: TestContext.Current.CancellationToken);
    }
}
