using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;

namespace Attune.Recipes.Tests;

public sealed class ProtocolTests
{
    [Fact]
    public void Metrics_match_the_worked_example_of_the_reference()
    {
        // K = 5, relevant items at positions 2 and 5.
        int[] ranked = [10, 1, 11, 12, 2];
        var relevant = new HashSet<int> { 1, 2 };

        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(ranked, relevant, 5), 10);
        Assert.Equal(0.6241, RankingMetrics.Ndcg(ranked, relevant, 5), 4);
        Assert.Equal(0.4, RankingMetrics.Precision(ranked, relevant, 5), 10);
    }

    [Fact]
    public void Ndcg_ideal_is_capped_at_k_and_coverage_counts_distinct_recommended_items()
    {
        var relevant = new HashSet<int> { 1, 2, 3 };
        Assert.Equal(1.0, RankingMetrics.Ndcg([1, 2], relevant, 2), 10);

        var metrics = OfflineEvaluator.Summarize([[1, 2], [2, 3]], [relevant, relevant], catalogueSize: 6);
        Assert.Equal(0.5, metrics[MetricNames.Coverage], 10);
        Assert.Equal(1.0, metrics[MetricNames.MeanReciprocalRankAt25], 10);
    }

    [Fact]
    public void Fnv1a_matches_the_reference_implementation()
    {
        // Values from shared/tools/protocol.py fnv1a32.
        Assert.Equal(2166136261u, Fnv1a.Hash(""));
        Assert.Equal(71477235u, Fnv1a.Hash("u1"));
        Assert.Equal(4146191147u, Fnv1a.Hash("196"));
    }

    [Fact]
    public void Split_holds_out_the_last_distinct_items_and_removes_every_occurrence()
    {
        string user = Enumerable.Range(0, 100).Select(i => "user" + i).First(id => Fnv1a.Bucket(id) == 0);
        var data = new TestData();
        for (int i = 0; i < 20; i++)
        {
            data.Add(user, "i" + (i % 18), 100 + i);
        }

        data.Add("other", "i0", 1).Add("other", "i1", 2);
        var built = data.Build();

        var split = HoldoutSplit.Create(built, HoldoutSplit.TestBucket);

        var held = Assert.Single(split.Users);
        // n = 20 → k = 2 distinct items, walking back: i1 (t=119) and i0 (t=118).
        Assert.Equal(["i1", "i0"], held.HeldOutItems.Select(built.Id));
        var history = split.HistoryOf(held).Items.ToArray().Select(built.Id).ToList();
        Assert.DoesNotContain("i0", history);
        Assert.DoesNotContain("i1", history);
        Assert.Equal(16, history.Count);
        Assert.Equal(built.Count - 4, split.Training().Count);
    }

    [Fact]
    public void Popularity_reproduces_the_reference_figures_on_ml_latest_small()
    {
        var data = RepositoryData.LoadInteractions("ml-latest-small");

        var split = HoldoutSplit.Create(data, HoldoutSplit.TestBucket);
        var recipe = RecipeCatalog.Find("aws-popularity-count")!;
        var model = recipe.Train(split.Training(), EventSettings.Default, recipe.HyperParameters(), cancellationToken: TestContext.Current.CancellationToken);
        var metrics = OfflineEvaluator.Evaluate(model, split, TestContext.Current.CancellationToken);

        // data/README.md (the reference row of the independent implementation), ml-latest-small, popularity.
        Assert.Equal(64, split.Users.Count);
        Assert.Equal(1_597, split.HeldOutItemCount);
        Assert.Equal(99_239, split.Training().Count);
        Assert.Equal(0.0449, metrics[MetricNames.NdcgAt10], 4);
        Assert.Equal(0.0526, metrics[MetricNames.NdcgAt25], 4);
        Assert.Equal(0.0313, metrics[MetricNames.PrecisionAt10], 4);
        Assert.Equal(0.0937, metrics[MetricNames.MeanReciprocalRankAt25], 4);
        Assert.Equal(0.0149, metrics[MetricNames.Coverage], 4);
    }
}
