using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Algorithms;

/// <summary>
/// EASE (Steck 2019): B = I − P·diag(1/diag P) with P = (XᵀX + λI)⁻¹, zero diagonal. The closed form needs a
/// dense inverse, so it runs on the <c>maxItems</c> items with the most users; other items get no EASE row.
/// Rows keep their <c>neighbors</c> weights of largest magnitude (negative weights matter).
/// </summary>
internal static class Ease
{
    public static SparseRows Train(TrainingSet set, ItemUsers itemUsers, float lambda, int maxItems, int neighbors,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        int[] selected = [.. Enumerable.Range(0, set.ItemCount)
            .Where(i => set.ItemUserCounts[i] > 0)
            .OrderByDescending(i => set.ItemUserCounts[i]).ThenBy(i => i)
            .Take(maxItems)];
        int n = selected.Length;
        var local = new int[set.ItemCount];
        Array.Fill(local, -1);
        for (int a = 0; a < n; a++)
        {
            local[selected[a]] = a;
        }

        var gram = new float[n * n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, a =>
        {
            var row = gram.AsSpan(a * n, n);
            var users = itemUsers.UsersOf(selected[a]);
            var confidence = itemUsers.ConfidenceOf(selected[a]);
            for (int at = 0; at < users.Length; at++)
            {
                var items = set.ItemsOf(users[at]);
                var weights = set.ConfidenceOf(users[at]);
                for (int k = 0; k < items.Length; k++)
                {
                    int b = local[items[k]];
                    if (b >= 0)
                    {
                        row[b] += confidence[at] * weights[k];
                    }
                }
            }

            row[a] += lambda;
        });
        progress?.Report(0.2);

        float[] p = SpdInverse.Invert(gram, n, cancellationToken);
        progress?.Report(0.8);

        var rows = new (int[] Columns, float[] Values)[set.ItemCount];
        Array.Fill(rows, ([], []));
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, a =>
        {
            var columns = new List<int>();
            var values = new List<float>();
            for (int b = 0; b < n; b++)
            {
                float weight = -p[(a * n) + b] / p[(b * n) + b];
                if (b != a && weight != 0)
                {
                    columns.Add(selected[b]);
                    values.Add(weight);
                }
            }

            rows[selected[a]] = SparseRowsBuilder.Best(columns, values, neighbors, byMagnitude: true);
        });

        return SparseRowsBuilder.FromRows(rows);
    }
}
