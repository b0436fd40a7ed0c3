namespace Attune.Recipes.Blending;

/// <summary>
/// Coordinate ascent over a fixed grid of each part's weight (normalised units), maximising validation NDCG@10 on the
/// pool. A move must beat the current blend by <see cref="MinimumGain"/> (relative), so noise in small validation sets
/// does not pull the blend away from where it started; the start is the best single part or the prior, whichever
/// scores higher. Deterministic: fixed grid, fixed part order, ties keep the current weights.
/// </summary>
internal static class BlendSearch
{
    public const double MinimumGain = 0.01;

    private const int Rounds = 3;

    private static readonly float[] Grid = [0, 0.05f, 0.1f, 0.2f, 0.3f, 0.5f, 0.7f, 1, 1.5f, 2, 3, 5, 10];

    /// <summary>The best weights found and the validation NDCG@10 of every blend tried on the way (for the report).</summary>
    public static (BlendWeights Weights, double Ndcg) Find(ValidationPool pool, BlendWeights prior, CancellationToken cancellationToken)
    {
        var best = prior;
        double bestScore = Ndcg(pool, prior);
        foreach (var part in BlendWeights.Parts)
        {
            var single = new BlendWeights(new float[BlendWeights.PartCount]).With(part, 1);
            double score = Ndcg(pool, single);
            if (score > bestScore * (1 + MinimumGain))
            {
                (best, bestScore) = (single, score);
            }
        }

        for (int round = 0; round < Rounds; round++)
        {
            bool moved = false;
            foreach (var part in BlendWeights.Parts)
            {
                foreach (float weight in Grid)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (weight == best[part])
                    {
                        continue;
                    }

                    var candidate = best.With(part, weight);
                    if (candidate.Values.All(w => w == 0))
                    {
                        continue;
                    }

                    double score = Ndcg(pool, candidate);
                    if (score > bestScore * (1 + MinimumGain))
                    {
                        (best, bestScore) = (candidate, score);
                        moved = true;
                    }
                }
            }

            if (!moved)
            {
                break;
            }
        }

        return (best, bestScore);
    }

    /// <summary>Mean NDCG@10 over the pool's users of the blend's ranking (ties: lower item index first).</summary>
    public static double Ndcg(ValidationPool pool, BlendWeights weights)
    {
        var perUser = new double[pool.UserCount];
        var w = weights.Values;
        Parallel.For(0, pool.UserCount, () => (Scores: new float[64], Top: new int[10]), (user, _, scratch) =>
        {
            int start = pool.Starts[user];
            int count = pool.Starts[user + 1] - start;
            if (pool.IdealDcg[user] == 0 || count == 0)
            {
                return scratch;
            }

            var scores = scratch.Scores.Length >= count ? scratch.Scores : scratch.Scores = new float[count];
            for (int i = 0; i < count; i++)
            {
                var parts = pool.Scores.AsSpan((start + i) * BlendWeights.PartCount, BlendWeights.PartCount);
                float s = 0;
                for (int p = 0; p < parts.Length; p++)
                {
                    s += w[p] * parts[p];
                }

                scores[i] = s;
            }

            perUser[user] = Dcg(pool, start, scores.AsSpan(0, count), scratch.Top) / pool.IdealDcg[user];
            return scratch;
        },
        _ => { });
        double sum = 0;
        foreach (double value in perUser)
        {
            sum += value;
        }

        return pool.UserCount == 0 ? 0 : sum / pool.UserCount;
    }

    /// <summary>DCG@10 of the pool entries ranked by score (pool items are in ascending index order, so ties keep the lower index).</summary>
    private static double Dcg(ValidationPool pool, int start, ReadOnlySpan<float> scores, int[] top)
    {
        int filled = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (filled == top.Length && scores[i] <= scores[top[filled - 1]])
            {
                continue;
            }

            int at = Math.Min(filled, top.Length - 1);
            while (at > 0 && scores[i] > scores[top[at - 1]])
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = i;
            filled = Math.Min(filled + 1, top.Length);
        }

        double dcg = 0;
        for (int rank = 0; rank < filled; rank++)
        {
            if (pool.Relevant[start + top[rank]])
            {
                dcg += 1 / Math.Log2(rank + 2);
            }
        }

        return dcg;
    }
}
