using Attune.Recipes.Algorithms;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Catalog.Trainers;

/// <summary>
/// aws-sims and aws-similar-items. Both score co-interactions C_ij / (n_i^(1−d) · n_j^d) where d is
/// popularity_discount_factor (0 favours popular items, 1 normalises them away) and pairs need at least
/// min_cointeraction_count co-users. Similar-items (<paramref name="useMetadata"/>) blends in item-metadata
/// similarity with weight metadata_weight, which alone serves cold items without interactions.
/// </summary>
internal sealed class RelatedItemsTrainer(bool useMetadata) : IRecipeTrainer
{
    public RecommendationModel Train(TrainingSet set, HyperParameters hyperParameters, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        float discount = hyperParameters.Float("popularity_discount_factor", 0, 1);
        int minCount = hyperParameters.Int("min_cointeraction_count", 0, 10);
        int neighbors = hyperParameters.Int("neighbors", 1, 10_000);
        // Read before the data decides whether it is used, so a bad value fails with or without item metadata.
        float weight = useMetadata ? hyperParameters.Float("metadata_weight", 0, 1) : 0;
        var itemUsers = ItemUsers.Build(set);
        var counts = set.ItemUserCounts;
        SparseRows related = Cooccurrence.Neighbors(set, itemUsers, neighbors, Math.Max(1, minCount), maxUserItems: 1000,
            pair => pair.Count / (MathF.Pow(counts[pair.Item], 1 - discount) * MathF.Pow(counts[pair.Other], discount)),
            progress, cancellationToken);
        if (useMetadata && set.Source.ItemMetadata is { } metadata)
        {
            var content = MetadataSimilarity.Build(metadata, set.ItemCount, neighbors, maxPosting: 5000, cancellationToken);
            related = Blend(related, content, weight, neighbors);
        }

        return new NeighborhoodModel(set.Basis(), new NeighborhoodSettings(), related, related, null);
    }

    /// <summary>(1 − w)·co-interaction + w·metadata, each row scaled to a maximum of 1 first.</summary>
    private static SparseRows Blend(SparseRows interactions, SparseRows content, float weight, int neighbors)
    {
        var rows = new (int[] Columns, float[] Values)[interactions.RowCount];
        for (int r = 0; r < rows.Length; r++)
        {
            var merged = new Dictionary<int, float>();
            Accumulate(merged, interactions, r, 1 - weight);
            Accumulate(merged, content, r, weight);
            rows[r] = SparseRowsBuilder.Best([.. merged.Keys], [.. merged.Values], neighbors);
        }

        return SparseRowsBuilder.FromRows(rows);
    }

    private static void Accumulate(Dictionary<int, float> merged, SparseRows rows, int row, float weight)
    {
        var values = rows.ValuesOf(row);
        if (values.IsEmpty)
        {
            return;
        }

        float max = 0;
        foreach (float v in values)
        {
            max = Math.Max(max, v);
        }

        var columns = rows.ColumnsOf(row);
        for (int i = 0; i < columns.Length; i++)
        {
            merged[columns[i]] = merged.GetValueOrDefault(columns[i]) + (weight * values[i] / max);
        }
    }
}
