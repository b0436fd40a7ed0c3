using Attune.Recipes.Evaluation;
using Attune.Recipes.Models;

namespace Attune.Recipes.Blending;

/// <summary>
/// What the weight search needs from the validation users, computed once: per user, a pool of candidates (the union
/// of every part's top <see cref="PerPart"/> among the protocol's candidates: training items not in the history)
/// with each part's score, normalised by the part's scale, and which pool items were held out. An item outside the
/// pool is in no part's top 50, so no blend of sensible weights lifts it into the top 10.
/// </summary>
internal sealed class ValidationPool
{
    public const int PerPart = 50;

    private ValidationPool(int[] starts, int[] items, float[] scores, bool[] relevant, double[] idealDcg, float[] scales)
    {
        Starts = starts;
        Items = items;
        Scores = scores;
        Relevant = relevant;
        IdealDcg = idealDcg;
        Scales = scales;
    }

    /// <summary>Pool of user u: entries [Starts[u], Starts[u + 1]).</summary>
    public int[] Starts { get; }

    public int[] Items { get; }

    /// <summary>PartCount normalised scores per pool entry.</summary>
    public float[] Scores { get; }

    public bool[] Relevant { get; }

    /// <summary>Ideal DCG@10 of each user (over min(10, held-out items)).</summary>
    public double[] IdealDcg { get; }

    /// <summary>Each part's raw-to-normalised divisor: the mean over users of the part's best candidate score.</summary>
    public float[] Scales { get; }

    public int UserCount => IdealDcg.Length;

    public static ValidationPool Build(BlendParts parts, HoldoutSplit split, IReadOnlyList<HeldOutUser> users, bool[] trainingItems,
        CancellationToken cancellationToken)
    {
        const int partCount = BlendWeights.PartCount;
        var scorers = BlendWeights.Parts.Select(parts.Scorer).ToArray();
        int itemCount = trainingItems.Length;
        var pools = new (int[] Items, float[] Scores, bool[] Relevant)[users.Count];
        Parallel.For(0, users.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new float[partCount][],
            (index, _, partScores) =>
            {
                var user = users[index];
                var history = split.HistoryOf(user);
                var seen = history.Items.ToArray().ToHashSet();
                var pool = new SortedSet<int>();
                for (int p = 0; p < partCount; p++)
                {
                    var scores = partScores[p] ??= new float[itemCount];
                    if (!scorers[p].TryScore(history, scores))
                    {
                        Array.Clear(scores);
                        continue;
                    }

                    pool.UnionWith(TopK.Select(scores, PerPart, item => trainingItems[item] && !seen.Contains(item)));
                }

                var held = user.HeldOutItems.ToHashSet();
                int[] items = [.. pool];
                var values = new float[items.Length * partCount];
                for (int i = 0; i < items.Length; i++)
                {
                    for (int p = 0; p < partCount; p++)
                    {
                        values[(i * partCount) + p] = partScores[p][items[i]];
                    }
                }

                pools[index] = (items, values, [.. items.Select(held.Contains)]);
                return partScores;
            },
            _ => { });

        var scales = PartScales(pools);
        var starts = new int[users.Count + 1];
        for (int u = 0; u < users.Count; u++)
        {
            starts[u + 1] = starts[u] + pools[u].Items.Length;
        }

        var allItems = new int[starts[^1]];
        var allScores = new float[starts[^1] * partCount];
        var relevant = new bool[starts[^1]];
        for (int u = 0; u < users.Count; u++)
        {
            pools[u].Items.CopyTo(allItems, starts[u]);
            pools[u].Relevant.CopyTo(relevant, starts[u]);
            for (int i = 0; i < pools[u].Items.Length * partCount; i++)
            {
                allScores[(starts[u] * partCount) + i] = pools[u].Scores[i] / scales[i % partCount];
            }
        }

        var ideal = users.Select(u => Enumerable.Range(0, Math.Min(10, u.HeldOutItems.Length)).Sum(rank => 1 / Math.Log2(rank + 2))).ToArray();
        return new ValidationPool(starts, allItems, allScores, relevant, ideal, scales);
    }

    private static float[] PartScales((int[] Items, float[] Scores, bool[] Relevant)[] pools)
    {
        const int partCount = BlendWeights.PartCount;
        var scales = new float[partCount];
        for (int p = 0; p < partCount; p++)
        {
            double sum = 0;
            int users = 0;
            foreach (var pool in pools)
            {
                float best = 0;
                for (int i = 0; i < pool.Items.Length; i++)
                {
                    best = Math.Max(best, Math.Abs(pool.Scores[(i * partCount) + p]));
                }

                if (best > 0)
                {
                    sum += best;
                    users++;
                }
            }

            scales[p] = users == 0 || sum <= 0 ? 1 : (float)(sum / users);
        }

        return scales;
    }
}
