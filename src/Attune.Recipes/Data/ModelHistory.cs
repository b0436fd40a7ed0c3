namespace Attune.Recipes.Data;

/// <summary>
/// A user's interactions, oldest first: what a model folds in at request time. Event types and values are
/// optional (empty spans mean "unknown": full weight).
/// </summary>
public readonly struct ModelHistory
{
    public ModelHistory(ReadOnlyMemory<int> items, ReadOnlyMemory<long> timestamps = default,
        ReadOnlyMemory<int> eventTypes = default, ReadOnlyMemory<float> eventValues = default)
    {
        Items = items;
        Timestamps = timestamps;
        EventTypes = eventTypes;
        EventValues = eventValues;
    }

    public static ModelHistory Empty => default;

    public ReadOnlyMemory<int> Items { get; }

    public ReadOnlyMemory<long> Timestamps { get; }

    public ReadOnlyMemory<int> EventTypes { get; }

    public ReadOnlyMemory<float> EventValues { get; }

    public int Length => Items.Length;

    public int EventTypeAt(int position) => EventTypes.Length > position ? EventTypes.Span[position] : -1;

    public float EventValueAt(int position) => EventValues.Length > position ? EventValues.Span[position] : float.NaN;
}
