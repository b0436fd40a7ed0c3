namespace Attune.Storage.Datasets;

/// <summary>
/// An event dataset as columns, in file order (committed bulk imports in commit order, then Put* events).
/// User, item and event-type indices are dense, numbered by first appearance, and index <see cref="UserIds"/>,
/// <see cref="ItemIds"/> and <see cref="EventTypes"/>. For Action_Interactions the "items" are actions.
/// </summary>
public sealed class InteractionData
{
    public required int[] UserIndex { get; init; }

    public required int[] ItemIndex { get; init; }

    /// <summary>Epoch seconds.</summary>
    public required long[] Timestamp { get; init; }

    /// <summary>Index into <see cref="EventTypes"/>, or -1 when the row has no event type.</summary>
    public required int[] EventTypeIndex { get; init; }

    /// <summary>EVENT_VALUE, or NaN when null or absent.</summary>
    public required float[] EventValue { get; init; }

    public required string[] UserIds { get; init; }

    public required string[] ItemIds { get; init; }

    public required string[] EventTypes { get; init; }

    /// <summary>The highest event-log Sequence this read contains (0 if none): live events above it are not in the data.</summary>
    public long PutWatermark { get; init; }

    public int Count => UserIndex.Length;
}
