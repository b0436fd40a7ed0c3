namespace Attune.Recipes.Data;

/// <summary>
/// Interactions as integer-indexed columns in file order. Index dictionaries map back to ids.
/// Item indices should follow first appearance in the interactions file: rankings break score ties
/// by the lower index, which is then the protocol's "first appeared earlier" rule.
/// </summary>
public sealed class InteractionData
{
    public InteractionData(
        int[] users, int[] items, long[] timestamps, int[] eventTypes, float[] eventValues,
        string[] userIds, string[] itemIds, string[] eventTypeNames, ItemMetadata? itemMetadata = null)
    {
        int n = users.Length;
        if (items.Length != n || timestamps.Length != n || eventTypes.Length != n || eventValues.Length != n)
        {
            throw new ArgumentException("All interaction columns must have the same length.");
        }

        Users = users;
        Items = items;
        Timestamps = timestamps;
        EventTypes = eventTypes;
        EventValues = eventValues;
        UserIds = userIds;
        ItemIds = itemIds;
        EventTypeNames = eventTypeNames;
        ItemMetadata = itemMetadata;
    }

    public int[] Users { get; }

    public int[] Items { get; }

    /// <summary>Epoch seconds.</summary>
    public long[] Timestamps { get; }

    /// <summary>Index into <see cref="EventTypeNames"/>.</summary>
    public int[] EventTypes { get; }

    /// <summary>EVENT_VALUE; NaN where the column is null or absent.</summary>
    public float[] EventValues { get; }

    public string[] UserIds { get; }

    public string[] ItemIds { get; }

    public string[] EventTypeNames { get; }

    public ItemMetadata? ItemMetadata { get; }

    /// <summary>Contextual metadata columns (categorical Interactions columns beyond the reserved ones), aligned with the rows.</summary>
    public IReadOnlyList<ContextColumn> Contexts { get; init; } = [];

    public int Count => Users.Length;

    public int UserCount => UserIds.Length;

    public int ItemCount => ItemIds.Length;

    /// <summary>A copy holding only the rows where <paramref name="keep"/> is true; dictionaries are shared.</summary>
    public InteractionData Subset(ReadOnlySpan<bool> keep)
    {
        int count = 0;
        foreach (bool k in keep)
        {
            count += k ? 1 : 0;
        }

        var users = new int[count];
        var items = new int[count];
        var timestamps = new long[count];
        var types = new int[count];
        var values = new float[count];
        var contexts = Contexts.Select(c => new ContextColumn(c.Name, new string?[count])).ToArray();
        for (int i = 0, j = 0; i < keep.Length; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            users[j] = Users[i];
            items[j] = Items[i];
            timestamps[j] = Timestamps[i];
            types[j] = EventTypes[i];
            values[j] = EventValues[i];
            for (int c = 0; c < contexts.Length; c++)
            {
                contexts[c].Values[j] = Contexts[c].Values[i];
            }

            j++;
        }

        return new InteractionData(users, items, timestamps, types, values, UserIds, ItemIds, EventTypeNames, ItemMetadata) { Contexts = contexts };
    }
}
