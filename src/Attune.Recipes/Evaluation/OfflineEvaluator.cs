using Attune.Recipes.Models;

namespace Attune.Recipes.Evaluation;

/// <summary>
/// Scores a model trained on <see cref="HoldoutSplit.Training"/> against the held-out items: top 25 among the
/// training items minus the user's history, then Personalize's metric keys averaged over the evaluated users.
/// </summary>
public static class OfflineEvaluator
{
    private const int ListLength = 25;

    public static IReadOnlyDictionary<string, double> Evaluate(RecommendationModel model, HoldoutSplit split,
        CancellationToken cancellationToken = default)
    {
        var trainingItems = new bool[split.Data.ItemCount];
        for (int row = 0; row < split.Data.Count; row++)
        {
            if (split.TrainingRows[row])
            {
                trainingItems[split.Data.Items[row]] = true;
            }
        }

        var lists = new int[split.Users.Count][];
        Parallel.For(0, split.Users.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new float[model.ItemCount],
            (index, _, scores) =>
            {
                var user = split.Users[index];
                var history = split.HistoryOf(user);
                var seen = new HashSet<int>(history.Items.ToArray());
                model.Score(history, scores);
                lists[index] = TopK.Select(scores, ListLength, item => trainingItems[item] && !seen.Contains(item));
                return scores;
            },
            _ => { });

        return Summarize(lists, split.Users.Select(u => (IReadOnlySet<int>)u.HeldOutItems.ToHashSet()).ToArray(),
            trainingItems.Count(present => present));
    }

    /// <summary>Averages the per-user metrics of ranked lists against their relevant sets.</summary>
    public static IReadOnlyDictionary<string, double> Summarize(IReadOnlyList<int[]> lists, IReadOnlyList<IReadOnlySet<int>> relevant,
        int catalogueSize)
    {
        var sums = MetricNames.All.ToDictionary(name => name, _ => 0.0);
        var recommended = new HashSet<int>();
        for (int u = 0; u < lists.Count; u++)
        {
            var list = lists[u].AsSpan();
            recommended.UnionWith(lists[u]);
            sums[MetricNames.MeanReciprocalRankAt25] += RankingMetrics.ReciprocalRank(list, relevant[u], 25);
            sums[MetricNames.NdcgAt5] += RankingMetrics.Ndcg(list, relevant[u], 5);
            sums[MetricNames.NdcgAt10] += RankingMetrics.Ndcg(list, relevant[u], 10);
            sums[MetricNames.NdcgAt25] += RankingMetrics.Ndcg(list, relevant[u], 25);
            sums[MetricNames.PrecisionAt5] += RankingMetrics.Precision(list, relevant[u], 5);
            sums[MetricNames.PrecisionAt10] += RankingMetrics.Precision(list, relevant[u], 10);
            sums[MetricNames.PrecisionAt25] += RankingMetrics.Precision(list, relevant[u], 25);
        }

        int users = Math.Max(1, lists.Count);
        var metrics = sums.ToDictionary(p => p.Key, p => p.Value / users);
        metrics[MetricNames.Coverage] = catalogueSize == 0 ? 0 : recommended.Count / (double)catalogueSize;
        return metrics;
    }
}
