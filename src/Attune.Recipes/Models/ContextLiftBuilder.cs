using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>
/// Learns a <see cref="ContextLift"/> from the contextual columns of the interactions: per (column, value) and item,
/// ln(P(v | i) / P(v)) with P(v | i) shrunk towards P(v) by <see cref="Shrinkage"/> pseudo-interactions per item, so
/// rare items do not get large lifts from a few events; positive lifts only, at most <see cref="MaxItemsPerValue"/> per
/// value. One pass over the rows per column.
/// </summary>
internal static class ContextLiftBuilder
{
    public const float Shrinkage = 20;
    public const int MaxItemsPerValue = 1000;

    /// <summary>Values seen fewer times than this (confidence-weighted) get no lifts: too little evidence.</summary>
    public const int MinValueCount = 10;

    /// <summary>Lifts from the rows kept by <paramref name="events"/>; null when the data has no usable context.</summary>
    public static ContextLift? Build(InteractionData data, EventWeighting events, float weight)
    {
        if (data.Contexts.Count == 0 || weight <= 0)
        {
            return null;
        }
        var confidence = new float[data.Count];
        var itemTotals = new double[data.ItemCount];
        double total = 0;
        for (int row = 0; row < data.Count; row++)
        {
            confidence[row] = events.Confidence(data.EventTypes[row], data.EventValues[row]);
            itemTotals[data.Items[row]] += confidence[row];
            total += confidence[row];
        }
        var columns = new Dictionary<string, Dictionary<string, (int[] Items, float[] Lifts)>>(StringComparer.Ordinal);
        foreach (var column in data.Contexts)
        {
            var values = BuildColumn(data, column, confidence, itemTotals, total);
            if (values.Count > 0)
            {
                columns[column.Name] = values;
            }
        }
        return columns.Count == 0 ? null : new ContextLift(weight, columns);
    }

    private static Dictionary<string, (int[] Items, float[] Lifts)> BuildColumn(
        InteractionData data, ContextColumn column, float[] confidence, double[] itemTotals, double total)
    {
        var counts = new Dictionary<string, (double Total, Dictionary<int, double> PerItem)>(StringComparer.Ordinal);
        for (int row = 0; row < data.Count; row++)
        {
            if (column.Values[row] is not { Length: > 0 } value || confidence[row] <= 0)
            {
                continue;
            }
            if (!counts.TryGetValue(value, out var entry))
            {
                entry = (0, new Dictionary<int, double>());
            }
            entry.PerItem[data.Items[row]] = entry.PerItem.GetValueOrDefault(data.Items[row]) + confidence[row];
            counts[value] = (entry.Total + confidence[row], entry.PerItem);
        }
        var values = new Dictionary<string, (int[] Items, float[] Lifts)>(StringComparer.Ordinal);
        foreach (var (value, (valueTotal, perItem)) in counts)
        {
            if (valueTotal < MinValueCount)
            {
                continue;
            }
            double share = valueTotal / total;
            var positive = perItem
                .Select(p => (Item: p.Key, Lift: (float)Math.Log((p.Value + (Shrinkage * share)) / ((itemTotals[p.Key] + Shrinkage) * share))))
                .Where(p => p.Lift > 0)
                .OrderByDescending(p => p.Lift)
                .ThenBy(p => p.Item)
                .Take(MaxItemsPerValue)
                .ToArray();
            if (positive.Length > 0)
            {
                values[value] = ([.. positive.Select(p => p.Item)], [.. positive.Select(p => p.Lift)]);
            }
        }
        return values;
    }
}
