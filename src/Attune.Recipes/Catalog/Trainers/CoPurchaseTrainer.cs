using Attune.Recipes.Algorithms;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Catalog.Trainers;

/// <summary>
/// aws-ecomm-frequently-bought-together: items bought together. Attune's training data keeps no session column, so a
/// "basket" is one user's purchases within <c>basket_window_seconds</c> of each other; a pair scores the number of
/// baskets holding both, divided by (n_i · n_j)^(d/2) with d = popularity_discount_factor, so a best seller does not
/// pair with everything.
/// </summary>
internal sealed class CoPurchaseTrainer : IRecipeTrainer
{
    public RecommendationModel Train(TrainingSet set, HyperParameters hyperParameters, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        long window = hyperParameters.Int("basket_window_seconds", 0, int.MaxValue);
        float discount = hyperParameters.Float("popularity_discount_factor", 0, 1);
        int neighbors = hyperParameters.Int("neighbors", 1, 10_000);
        var pairs = new Dictionary<int, float>[set.ItemCount];
        for (int user = 0; user < set.UserCount; user++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CountBaskets(set, user, window, pairs);
        }

        var counts = set.ItemUserCounts;
        var rows = new (int[] Columns, float[] Values)[set.ItemCount];
        for (int item = 0; item < rows.Length; item++)
        {
            var row = pairs[item];
            if (row is null)
            {
                rows[item] = ([], []);
                continue;
            }

            var columns = new List<int>(row.Count);
            var values = new List<float>(row.Count);
            foreach (var (other, together) in row)
            {
                columns.Add(other);
                values.Add(together / MathF.Pow(Math.Max(1, counts[item]) * (float)Math.Max(1, counts[other]), discount / 2));
            }

            rows[item] = SparseRowsBuilder.Best(columns, values, neighbors);
        }

        progress?.Report(1);
        var related = SparseRowsBuilder.FromRows(rows);
        return new NeighborhoodModel(set.Basis(), new NeighborhoodSettings(), related, related, null);
    }

    /// <summary>Each pair of distinct items the user bought within the window of each other counts once per user.</summary>
    private static void CountBaskets(TrainingSet set, int user, long window, Dictionary<int, float>[] pairs)
    {
        int start = set.SequenceStarts[user];
        var items = set.SequenceOf(user);
        var seen = new HashSet<(int, int)>();
        for (int i = 0; i < items.Length; i++)
        {
            for (int j = i + 1; j < items.Length && set.SequenceTimes[start + j] - set.SequenceTimes[start + i] <= window; j++)
            {
                int a = items[i], b = items[j];
                if (a != b && seen.Add((Math.Min(a, b), Math.Max(a, b))))
                {
                    Add(pairs, a, b);
                    Add(pairs, b, a);
                }
            }
        }
    }

    private static void Add(Dictionary<int, float>[] pairs, int item, int other)
    {
        var row = pairs[item] ??= [];
        row[other] = row.GetValueOrDefault(other) + 1;
    }
}
