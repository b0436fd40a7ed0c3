namespace Attune.Recipes.Evaluation;

/// <summary>Per-list ranking metrics with gain 1 and discount 1/log2(rank+1), as DESIGN.md defines them.</summary>
public static class RankingMetrics
{
    public static double Precision(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
        => Hits(ranked, relevant, k) / (double)k;

    public static double Ndcg(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        if (relevant.Count == 0)
        {
            return 0;
        }

        double dcg = 0;
        int top = Math.Min(k, ranked.Length);
        for (int i = 0; i < top; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                dcg += 1 / Math.Log2(i + 2);
            }
        }

        double ideal = 0;
        int idealCount = Math.Min(k, relevant.Count);
        for (int i = 0; i < idealCount; i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        return dcg / ideal;
    }

    public static double ReciprocalRank(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        int top = Math.Min(k, ranked.Length);
        for (int i = 0; i < top; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    private static int Hits(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        int hits = 0;
        int top = Math.Min(k, ranked.Length);
        for (int i = 0; i < top; i++)
        {
            hits += relevant.Contains(ranked[i]) ? 1 : 0;
        }

        return hits;
    }
}
