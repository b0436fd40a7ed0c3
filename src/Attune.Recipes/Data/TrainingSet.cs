using Attune.Recipes.Models;

namespace Attune.Recipes.Data;

/// <summary>
/// Interactions after event filtering, grouped by user: each user's events in time order (timestamp, then file
/// position) with their confidence, and each user's distinct items with summed confidence.
/// </summary>
internal sealed class TrainingSet
{
    private TrainingSet(InteractionData source, EventWeighting events)
    {
        Source = source;
        Events = events;
    }

    public InteractionData Source { get; }

    public EventWeighting Events { get; }

    public int UserCount => Source.UserCount;

    public int ItemCount => Source.ItemCount;

    public int[] SequenceStarts { get; private set; } = [];

    public int[] SequenceItems { get; private set; } = [];

    public long[] SequenceTimes { get; private set; } = [];

    public float[] SequenceConfidence { get; private set; } = [];

    public int[] DistinctStarts { get; private set; } = [];

    public int[] DistinctItems { get; private set; } = [];

    public float[] DistinctConfidence { get; private set; } = [];

    /// <summary>Summed confidence per item (event counts when every weight is 1).</summary>
    public float[] ItemWeights { get; private set; } = [];

    /// <summary>Number of distinct users per item.</summary>
    public int[] ItemUserCounts { get; private set; } = [];

    public long MaxTimestamp { get; private set; }

    /// <summary>The basis of a model trained on this set; <paramref name="scores"/> replaces popularity as fallback.</summary>
    public ModelBasis Basis(float[]? scores = null) => new(Source.ItemIds, scores ?? (float[])ItemWeights.Clone(), Events);

    public int EventCount => SequenceItems.Length;

    public ReadOnlySpan<int> SequenceOf(int user) => SequenceItems.AsSpan(SequenceStarts[user], SequenceStarts[user + 1] - SequenceStarts[user]);

    public ReadOnlySpan<int> ItemsOf(int user) => DistinctItems.AsSpan(DistinctStarts[user], DistinctStarts[user + 1] - DistinctStarts[user]);

    public ReadOnlySpan<float> ConfidenceOf(int user) => DistinctConfidence.AsSpan(DistinctStarts[user], DistinctStarts[user + 1] - DistinctStarts[user]);

    public static TrainingSet Build(InteractionData data, EventWeighting events)
    {
        var set = new TrainingSet(data, events);
        var confidence = new float[data.Count];
        var starts = new int[data.UserCount + 1];
        for (int row = 0; row < data.Count; row++)
        {
            confidence[row] = events.Confidence(data.EventTypes[row], data.EventValues[row]);
            if (confidence[row] > 0)
            {
                starts[data.Users[row] + 1]++;
            }
        }

        for (int u = 0; u < data.UserCount; u++)
        {
            starts[u + 1] += starts[u];
        }

        int total = starts[^1];
        var rows = new int[total];
        var fill = starts[..^1].ToArray();
        for (int row = 0; row < data.Count; row++)
        {
            if (confidence[row] > 0)
            {
                rows[fill[data.Users[row]]++] = row;
            }
        }

        // Rows are in file order within a user; a stable sort by timestamp gives (timestamp, position).
        var keys = new long[total];
        for (int i = 0; i < total; i++)
        {
            keys[i] = data.Timestamps[rows[i]];
        }

        for (int u = 0; u < data.UserCount; u++)
        {
            int length = starts[u + 1] - starts[u];
            if (length > 1 && !IsSorted(keys.AsSpan(starts[u], length)))
            {
                StableSortByKey(keys.AsSpan(starts[u], length), rows.AsSpan(starts[u], length));
            }
        }

        set.SequenceStarts = starts;
        set.SequenceItems = [.. rows.Select(r => data.Items[r])];
        set.SequenceTimes = keys;
        set.SequenceConfidence = [.. rows.Select(r => confidence[r])];
        set.MaxTimestamp = total == 0 ? 0 : keys.Max();
        set.BuildDistinct();
        return set;
    }

    private void BuildDistinct()
    {
        var starts = new int[UserCount + 1];
        var items = new List<int>(SequenceItems.Length);
        var weights = new List<float>(SequenceItems.Length);
        var slot = new Dictionary<int, int>();
        ItemWeights = new float[ItemCount];
        ItemUserCounts = new int[ItemCount];
        for (int u = 0; u < UserCount; u++)
        {
            slot.Clear();
            for (int i = SequenceStarts[u]; i < SequenceStarts[u + 1]; i++)
            {
                int item = SequenceItems[i];
                ItemWeights[item] += SequenceConfidence[i];
                if (slot.TryGetValue(item, out int at))
                {
                    weights[at] += SequenceConfidence[i];
                    continue;
                }

                slot[item] = items.Count;
                items.Add(item);
                weights.Add(SequenceConfidence[i]);
                ItemUserCounts[item]++;
            }

            starts[u + 1] = items.Count;
        }

        DistinctStarts = starts;
        DistinctItems = [.. items];
        DistinctConfidence = [.. weights];
    }

    private static bool IsSorted(ReadOnlySpan<long> keys)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static void StableSortByKey(Span<long> keys, Span<int> rows)
    {
        // Rows ascend within a user, so (key, row) is a total order equal to a stable sort by key.
        var pairs = new (long Key, int Row)[keys.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (keys[i], rows[i]);
        }

        Array.Sort(pairs);
        for (int i = 0; i < pairs.Length; i++)
        {
            keys[i] = pairs[i].Key;
            rows[i] = pairs[i].Row;
        }
    }
}
