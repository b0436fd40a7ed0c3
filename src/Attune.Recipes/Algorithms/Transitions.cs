using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Algorithms;

/// <summary>
/// Next-item transitions: T[a, b] counts how often b directly followed a in a user's time-ordered events
/// (repeats of the same item skipped), each row normalised to sum 1 and pruned to its best entries.
/// </summary>
internal static class Transitions
{
    public static SparseRows Build(TrainingSet set, int neighbors, CancellationToken cancellationToken)
    {
        var pairs = new List<long>(set.EventCount);
        for (int u = 0; u < set.UserCount; u++)
        {
            var sequence = set.SequenceOf(u);
            for (int i = 1; i < sequence.Length; i++)
            {
                if (sequence[i] != sequence[i - 1])
                {
                    pairs.Add(((long)sequence[i - 1] << 32) | (uint)sequence[i]);
                }
            }

            if ((u & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        var sorted = pairs.ToArray();
        Array.Sort(sorted);
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
                while (next < sorted.Length && sorted[next] == sorted[end])
                {
                    next++;
                }

                columns.Add((int)(sorted[end] & 0xFFFFFFFF));
                counts.Add(next - end);
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
