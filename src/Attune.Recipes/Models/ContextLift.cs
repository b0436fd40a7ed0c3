namespace Attune.Recipes.Models;

/// <summary>
/// What a context (runtime <c>context</c>: contextual metadata column → value) says about items: per (column, value),
/// the items interacted with more often in that context than overall, with their lift
/// ln(P(v | i) / P(v)) as <see cref="ContextLiftBuilder"/> learns them. Only positive lifts are kept: a context raises
/// the items it favours and leaves the others alone.
/// At serving the lifts of every named (column, value) add up, times <see cref="Weight"/> × the best raw score of the
/// request, to the raw scores; unknown columns and values add nothing.
/// </summary>
public sealed class ContextLift
{
    private readonly Dictionary<string, Dictionary<string, (int[] Items, float[] Lifts)>> _columns;

    internal ContextLift(float weight, Dictionary<string, Dictionary<string, (int[] Items, float[] Lifts)>> columns)
    {
        Weight = weight;
        _columns = columns;
    }

    /// <summary>The share of the request's best raw score that a lift of 1 adds (hyperparameter <c>context_weight</c>).</summary>
    public float Weight { get; }

    public IEnumerable<string> ColumnNames => _columns.Keys;

    /// <summary>The same lifts with another weight (offline comparisons of weights without retraining).</summary>
    public ContextLift WithWeight(float weight) => new(weight, _columns);

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
}
