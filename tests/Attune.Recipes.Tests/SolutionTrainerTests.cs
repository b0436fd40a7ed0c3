using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;
using Attune.Recipes.Training;

namespace Attune.Recipes.Tests;

public sealed class SolutionTrainerTests
{
    /// <summary>Clustered users with enough of them in the test and validation buckets to measure.</summary>
    private static InteractionData ClusteredData() => TestData.Clusters(clusters: 4, usersPerCluster: 40, itemsPerCluster: 10).Build();

    [Fact]
    public void Training_reports_metrics_under_personalize_keys_and_progress_to_100()
    {
        var reports = new List<TrainingProgress>();
        var progress = new SynchronousProgress(reports);

        var result = SolutionTrainer.Train(ClusteredData(), new SolutionSettings { RecipeArn = "arn:aws:personalize:::recipe/aws-user-personalization" },
            progress, TestContext.Current.CancellationToken);

        Assert.Equal(MetricNames.All.Order(), result.Metrics.Keys.Order());
        Assert.True(result.Metrics[MetricNames.PrecisionAt5] > 0.1);
        Assert.Null(result.TunedHyperParameters);
        Assert.Equal(100, reports[^1].Percent);
    }

    [Fact]
    public void Hpo_picks_the_better_of_two_clearly_different_settings()
    {
        var settings = new SolutionSettings
        {
            RecipeArn = "aws-user-personalization",
            HyperParameters = new Dictionary<string, string> { ["neighbors"] = "1", ["transition_weight"] = "0" },
            PerformHpo = true,
            Hpo = new HpoSettings
            {
                MaxNumberOfTrainingJobs = 4,
                CategoricalRanges = [new CategoricalRange("neighbors", ["1", "200"])],
            },
        };

        var result = SolutionTrainer.Train(ClusteredData(), settings, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("200", result.TunedHyperParameters!["neighbors"]);
    }

    [Fact]
    public void Hpo_without_ranges_searches_the_recipes_default_ranges()
    {
        var settings = new SolutionSettings { RecipeArn = "aws-sims", PerformHpo = true };

        var result = SolutionTrainer.Train(ClusteredData(), settings, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["min_cointeraction_count", "popularity_discount_factor"], result.TunedHyperParameters!.Keys.Order());
    }

    [Fact]
    public void Automl_prefers_personalization_over_popularity_on_clustered_data()
    {
        var settings = new SolutionSettings
        {
            PerformAutoMl = true,
            AutoMlRecipes = ["arn:aws:personalize:::recipe/aws-popularity-count", "arn:aws:personalize:::recipe/aws-user-personalization"],
        };

        var result = SolutionTrainer.Train(ClusteredData(), settings, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("arn:aws:personalize:::recipe/aws-user-personalization", result.BestRecipeArn);
    }

    [Fact]
    public void Too_little_data_fails_with_the_personalize_reason()
    {
        var data = new TestData().Add("a", "x", 1).Add("b", "x", 2).Add("a", "y", 3, "view").Build();

        var error = Assert.Throws<InsufficientDataException>(() => SolutionTrainer.Train(data,
            new SolutionSettings { Events = new EventSettings { EventType = "click" } }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Create failed. Dataset has fewer than 1 users with at least 2 interactions each.", error.Message);
    }

    [Fact]
    public void Cancellation_stops_training()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SolutionTrainer.Train(ClusteredData(), new SolutionSettings(), cancellationToken: cancelled.Token));
    }

    private sealed class SynchronousProgress(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
