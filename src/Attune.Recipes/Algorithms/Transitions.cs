using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Algorithms;

/// <summary>
/// Next-item transitions: T[a, b] counts how often b followed a in a user's time-ordered events (repeats of the same
/// item skipped), each row normalised to sum 1 and pruned to its best entries. With <c>maxGap</c> g &gt; 1 these are
/// sequential rules (Ludewig and Jannach 2018): b up to g events after a counts 1/gap, so a skipped step still links.
/// </summary>
internal static class Transitions
{
    public static SparseRows Build(TrainingSet set, int neighbors, CancellationToken cancellationToken, int maxGap = 1)
    {
        var pairs = new List<long>(set.EventCount * maxGap);
        var weights = new List<float>(set.EventCount * maxGap);
        for (int u = 0; u < set.UserCount; u++)
        {
            var sequence = set.SequenceOf(u);
            for (int i = 1; i < sequence.Length; i++)
            {
                for (int gap = 1; gap <= maxGap && gap <= i; gap++)
                {
                    if (sequence[i] != sequence[i - gap])
                    {
                        pairs.Add(((long)sequence[i - gap] << 32) | (uint)sequence[i]);
                        weights.Add(1f / gap);
                    }
                }
            }

            if ((u & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        var sorted = pairs.ToArray();
        var sortedWeights = weights.ToArray();
        Array.Sort(sorted, sortedWeights);
        var rows = new (int[] Columns, float[] Values)[set.ItemCount];
        Array.Fill(rows, ([], []));
        int start = 0;
        while (start < sorted.Length)
        {
            int from = (int)(sorted[start] >> 32);
            var columns = new List<int>();
            var counts = new List<float>();
            int end = start;
            while (end < sorted.Length && (int)(sorted[end] >> 32) == from)
            {
                int next = end;
                float count = 0;
                while (next < sorted.Length && sorted[next] == sorted[end])
                {
                    count += sortedWeights[next];
                    next++;
                }

                columns.Add((int)(sorted[end] & 0xFFFFFFFF));
                counts.Add(count);
                end = next;
            }

            float total = counts.Sum();
            for (int i = 0; i < counts.Count; i++)
            {
                counts[i] /= total;
            }

            rows[from] = SparseRowsBuilder.Best(columns, counts, neighbors);
            start = end;
        }

        return SparseRowsBuilder.FromRows(rows);
    }
}
