namespace Attune.Storage.Datasets;

/// <summary>
/// Collects stored event rows, in file order, into <see cref="InteractionData"/>: ids renumbered densely by first
/// appearance, -1 for a missing event type, NaN for a missing event value. Every backend reads through it, so they agree.
/// </summary>
public sealed class InteractionColumns(int count, DenseIndex users, DenseIndex items, DenseIndex eventTypes)
{
    private readonly int[] _userIndex = new int[count];
    private readonly int[] _itemIndex = new int[count];
    private readonly long[] _timestamp = new long[count];
    private readonly int[] _eventTypeIndex = new int[count];
    private readonly float[] _eventValue = new float[count];
    private int _row;

    public DenseIndex Users => users;

    public DenseIndex Items => items;

    public DenseIndex EventTypes => eventTypes;

    /// <summary>True once <c>count</c> rows were added (rows committed after the count was taken are left out).</summary>
    public bool IsFull => _row == count;

    public void Add(long user, long item, long timestamp, long? eventType, double? eventValue)
    {
        _userIndex[_row] = users.Map(user);
        _itemIndex[_row] = items.Map(item);
        _timestamp[_row] = timestamp;
        _eventTypeIndex[_row] = eventType is { } type ? eventTypes.Map(type) : -1;
        _eventValue[_row] = eventValue is { } value ? (float)value : float.NaN;
        _row++;
    }

    public InteractionData Build(string[] userIds, string[] itemIds, string[] eventTypeNames, long putWatermark) => new()
    {
        PutWatermark = putWatermark,
        UserIndex = _userIndex,
        ItemIndex = _itemIndex,
        Timestamp = _timestamp,
        EventTypeIndex = _eventTypeIndex,
        EventValue = _eventValue,
        UserIds = userIds,
        ItemIds = itemIds,
        EventTypes = eventTypeNames,
    };
}
