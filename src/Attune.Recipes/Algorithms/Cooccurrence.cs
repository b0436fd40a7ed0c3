using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Algorithms;

/// <summary>Co-interaction statistics of one item pair, handed to a similarity function.</summary>
internal readonly record struct PairStats(int Item, int Other, int Count, float Weight);

/// <summary>
/// Item-item neighbours from co-interactions: for each item, every item a user of it also interacted with,
/// scored by a similarity function and pruned to the best <c>neighbors</c>. Users contribute at most their
/// <c>maxUserItems</c> most recent distinct items, which bounds the quadratic cost on heavy users.
/// </summary>
internal static class Cooccurrence
{
    public static SparseRows Neighbors(TrainingSet set, ItemUsers itemUsers, int neighbors, int minCount, int maxUserItems,
        Func<PairStats, float> similarity, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var rows = new (int[] Columns, float[] Values)[set.ItemCount];
        int done = 0;
        Parallel.For(0, set.ItemCount, new ParallelOptions { CancellationToken = cancellationToken },
            () => (Counts: new int[set.ItemCount], Weights: new float[set.ItemCount], Touched: new List<int>()),
            (item, _, scratch) =>
            {
                var users = itemUsers.UsersOf(item);
                var confidence = itemUsers.ConfidenceOf(item);
                for (int at = 0; at < users.Length; at++)
                {
                    var items = set.ItemsOf(users[at]);
                    var weights = set.ConfidenceOf(users[at]);
                    int from = Math.Max(0, items.Length - maxUserItems);
                    for (int k = from; k < items.Length; k++)
                    {
                        int other = items[k];
                        if (other == item)
                        {
                            continue;
                        }

                        if (scratch.Counts[other]++ == 0)
                        {
                            scratch.Touched.Add(other);
                        }

                        scratch.Weights[other] += confidence[at] * weights[k];
                    }
                }

                var columns = new List<int>();
                var values = new List<float>();
                foreach (int other in scratch.Touched)
                {
                    if (scratch.Counts[other] >= minCount)
                    {
                        float value = similarity(new PairStats(item, other, scratch.Counts[other], scratch.Weights[other]));
                        if (value > 0)
                        {
                            columns.Add(other);
                            values.Add(value);
                        }
                    }

                    scratch.Counts[other] = 0;
                    scratch.Weights[other] = 0;
                }

                scratch.Touched.Clear();
                rows[item] = SparseRowsBuilder.Best(columns, values, neighbors);
                if (progress is not null && (Interlocked.Increment(ref done) & 1023) == 0)
                {
                    progress.Report(done / (double)set.ItemCount);
                }

                return scratch;
            },
            _ => { });
        return SparseRowsBuilder.FromRows(rows);
    }

    /// <summary>Σ_u c_ui² per item: the squared norm used by cosine similarity.</summary>
    public static float[] SquaredNorms(TrainingSet set)
    {
        var norms = new float[set.ItemCount];
        for (int at = 0; at < set.DistinctItems.Length; at++)
        {
            norms[set.DistinctItems[at]] += set.DistinctConfidence[at] * set.DistinctConfidence[at];
        }

        return norms;
    }
}
