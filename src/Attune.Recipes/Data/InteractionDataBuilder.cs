namespace Attune.Recipes.Data;

/// <summary>
/// Builds <see cref="InteractionData"/> from rows in file order, assigning indices by first appearance (the
/// order the protocol's tie rule needs).
/// </summary>
public sealed class InteractionDataBuilder
{
    private readonly Dictionary<string, int> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _eventTypes = new(StringComparer.Ordinal);
    private readonly List<int> _userColumn = [];
    private readonly List<int> _itemColumn = [];
    private readonly List<long> _timestamps = [];
    private readonly List<int> _typeColumn = [];
    private readonly List<float> _values = [];

    public int ItemCount => _items.Count;

    /// <summary>Adds one interaction; a null event type is stored as -1 (unknown), a null value as NaN.</summary>
    public InteractionDataBuilder Add(string userId, string itemId, long timestamp, string? eventType = null, float eventValue = float.NaN)
    {
        _userColumn.Add(IndexOf(_users, userId));
        _itemColumn.Add(AddItem(itemId));
        _timestamps.Add(timestamp);
        _typeColumn.Add(eventType is null ? -1 : IndexOf(_eventTypes, eventType));
        _values.Add(eventValue);
        return this;
    }

    /// <summary>The item's index, adding it (e.g. an Items-dataset item without interactions) after the known ones.</summary>
    public int AddItem(string itemId) => IndexOf(_items, itemId);

    public InteractionData Build(ItemMetadata? itemMetadata = null)
        => new([.. _userColumn], [.. _itemColumn], [.. _timestamps], [.. _typeColumn], [.. _values],
            [.. _users.Keys], [.. _items.Keys], [.. _eventTypes.Keys], itemMetadata);

    private static int IndexOf(Dictionary<string, int> dictionary, string key)
    {
        if (!dictionary.TryGetValue(key, out int index))
        {
            index = dictionary.Count;
            dictionary.Add(key, index);
        }

        return index;
    }
}
