using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>
/// What a context (runtime <c>context</c>: contextual metadata column → value) says about items: per (column, value),
/// the items interacted with more often in that context than overall, with their lift
/// ln(P(v | i) / P(v)), P(v | i) shrunk towards P(v) by <see cref="Shrinkage"/> pseudo-interactions per item so that
/// rare items do not get large lifts from a few events. Only positive lifts are kept (at most
/// <see cref="MaxItemsPerValue"/> per value): a context raises the items it favours and leaves the others alone.
/// At serving the lifts of every named (column, value) add up, times <see cref="Weight"/> × the best raw score of the
/// request, to the raw scores; unknown columns and values add nothing.
/// </summary>
public sealed class ContextLift
{
    public const float Shrinkage = 20;
    public const int MaxItemsPerValue = 1000;

    /// <summary>Values seen fewer times than this get no lifts (too little evidence).</summary>
    public const int MinValueCount = 10;

    private readonly Dictionary<string, Dictionary<string, (int[] Items, float[] Lifts)>> _columns;

    private ContextLift(float weight, Dictionary<string, Dictionary<string, (int[] Items, float[] Lifts)>> columns)
    {
        Weight = weight;
        _columns = columns;
    }

    /// <summary>The share of the request's best raw score that a lift of 1 adds (hyperparameter <c>context_weight</c>).</summary>
    public float Weight { get; }

    public IEnumerable<string> ColumnNames => _columns.Keys;

    /// <summary>The same lifts with another weight (offline comparisons of weights without retraining).</summary>
    public ContextLift WithWeight(float weight) => new(weight, _columns);

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

    /// <summary>
    /// Adds the summed lift of every (column, value) of <paramref name="context"/> to <paramref name="lifts"/> per item;
    /// returns the names of the pairs that matched ("DEVICE=mobile").
    /// </summary>
    public List<string> Collect(IReadOnlyDictionary<string, string>? context, Dictionary<int, float> lifts)
    {
        var matched = new List<string>();
        foreach (var (name, value) in context ?? new Dictionary<string, string>())
        {
            if (!_columns.TryGetValue(name, out var values) || !values.TryGetValue(value, out var entry))
            {
                continue;
            }
            matched.Add($"{name}={value}");
            for (int k = 0; k < entry.Items.Length; k++)
            {
                lifts[entry.Items[k]] = lifts.GetValueOrDefault(entry.Items[k]) + entry.Lifts[k];
            }
        }
        return matched;
    }

    /// <summary>Raises <paramref name="scores"/> (raw, every item) by the context's lifts, scaled to the best score.</summary>
    public void Apply(IReadOnlyDictionary<string, string>? context, Span<float> scores)
    {
        var lifts = new Dictionary<int, float>();
        if (Collect(context, lifts).Count == 0 || scores.IsEmpty)
        {
            return;
        }
        float scale = Weight * Scale(scores);
        foreach (var (item, lift) in lifts)
        {
            if ((uint)item < (uint)scores.Length)
            {
                scores[item] += scale * lift;
            }
        }
    }

    /// <summary>The magnitude lifts are measured against: the best raw score, at least a tiny positive number.</summary>
    public static float Scale(ReadOnlySpan<float> scores)
    {
        float best = float.NegativeInfinity;
        foreach (float s in scores)
        {
            best = Math.Max(best, s);
        }
        return Math.Max(Math.Abs(best), float.Epsilon);
    }

    internal static void Write(BinaryWriter writer, ContextLift? lift)
    {
        writer.Write(lift is null ? 0 : lift._columns.Count);
        if (lift is null)
        {
            return;
        }
        writer.Write(lift.Weight);
        foreach (var (name, values) in lift._columns)
        {
            writer.Write(name);
            writer.Write(values.Count);
            foreach (var (value, (items, lifts)) in values)
            {
                writer.Write(value);
                ArtifactIO.WriteArray(writer, items);
                ArtifactIO.WriteArray(writer, lifts);
            }
        }
    }

    internal static ContextLift? Read(BinaryReader reader)
    {
        int columnCount = reader.ReadInt32();
        if (columnCount == 0)
        {
            return null;
        }
        float weight = reader.ReadSingle();
        var columns = new Dictionary<string, Dictionary<string, (int[] Items, float[] Lifts)>>(columnCount, StringComparer.Ordinal);
        for (int c = 0; c < columnCount; c++)
        {
            string name = reader.ReadString();
            int valueCount = reader.ReadInt32();
            var values = new Dictionary<string, (int[] Items, float[] Lifts)>(valueCount, StringComparer.Ordinal);
            for (int v = 0; v < valueCount; v++)
            {
                string value = reader.ReadString();
                values[value] = (ArtifactIO.ReadArray<int>(reader), ArtifactIO.ReadArray<float>(reader));
            }
            columns[name] = values;
        }
        return new ContextLift(weight, columns);
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
