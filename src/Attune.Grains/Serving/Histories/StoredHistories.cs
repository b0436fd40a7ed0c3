using Attune.Filters;
using Attune.Recipes.Data;
using StoredInteractions = Attune.Storage.Datasets.InteractionData;

namespace Attune.Grains.Serving;

/// <summary>
/// Every user's interactions, indexed once per deployment (compressed rows by user, oldest first, in the model's
/// item and event-type indices), so a request finds its history with one dictionary lookup and no copying.
/// </summary>
public sealed class StoredHistories
{
    private readonly Dictionary<string, int> _users;
    private readonly int[] _starts;
    private readonly int[] _items;
    private readonly long[] _timestamps;
    private readonly int[] _eventTypes;
    private readonly float[] _eventValues;
    private readonly RecentInteraction[] _newestFirst;

    private StoredHistories(Dictionary<string, int> users, int[] starts, int[] items, long[] timestamps, int[] eventTypes,
        float[] eventValues, RecentInteraction[] newestFirst)
    {
        _users = users;
        _starts = starts;
        _items = items;
        _timestamps = timestamps;
        _eventTypes = eventTypes;
        _eventValues = eventValues;
        _newestFirst = newestFirst;
    }

    public int UserCount => _users.Count;

    /// <summary>Every user with a stored history (batch segment jobs score them all).</summary>
    public IReadOnlyCollection<string> UserIds => _users.Keys;

    /// <summary>
    /// The user's history for the model, and the same events newest first for Interactions filters; false (and empty)
    /// for a user without usable interactions.
    /// </summary>
    public bool TryGet(string? userId, out ModelHistory history, out ReadOnlyMemory<RecentInteraction> newestFirst)
    {
        if (userId is null || !_users.TryGetValue(userId, out var user))
        {
            history = ModelHistory.Empty;
            newestFirst = ReadOnlyMemory<RecentInteraction>.Empty;
            return false;
        }
        int start = _starts[user];
        int length = _starts[user + 1] - start;
        history = new ModelHistory(_items.AsMemory(start, length), _timestamps.AsMemory(start, length),
            _eventTypes.AsMemory(start, length), _eventValues.AsMemory(start, length));
        newestFirst = _newestFirst.AsMemory(start, length);
        return true;
    }

    /// <summary>The same histories less those of <paramref name="userIds"/> (the arrays are shared, only the user index is copied).</summary>
    public StoredHistories Without(IReadOnlyCollection<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var users = new Dictionary<string, int>(_users, StringComparer.Ordinal);
        foreach (var user in userIds)
        {
            users.Remove(user);
        }
        return new StoredHistories(users, _starts, _items, _timestamps, _eventTypes, _eventValues, _newestFirst);
    }

    /// <summary>
    /// Groups stored interactions by user, sorted by (timestamp, file position), in the indices of
    /// <paramref name="modelItems"/> (the served catalogue: model items first, so models skip the others while
    /// Interactions filters see them). Items it does not know are left out; event types are mapped to the model's
    /// event-type names.
    /// </summary>
    public static StoredHistories Build(StoredInteractions stored, IReadOnlyDictionary<string, int> modelItems, IReadOnlyList<string> modelEventTypes)
    {
        var itemMap = stored.ItemIds.Select(id => modelItems.TryGetValue(id, out var index) ? index : -1).ToArray();
        var typeIndex = modelEventTypes.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var typeMap = stored.EventTypes.Select(name => typeIndex.TryGetValue(name, out var index) ? index : -1).ToArray();

        var counts = new int[stored.UserIds.Length + 1];
        for (int row = 0; row < stored.Count; row++)
        {
            if (itemMap[stored.ItemIndex[row]] >= 0)
            {
                counts[stored.UserIndex[row] + 1]++;
            }
        }
        for (int user = 0; user < stored.UserIds.Length; user++)
        {
            counts[user + 1] += counts[user];
        }
        var rows = new int[counts[^1]];
        var next = counts[..^1];
        for (int row = 0; row < stored.Count; row++)
        {
            if (itemMap[stored.ItemIndex[row]] >= 0)
            {
                rows[next[stored.UserIndex[row]]++] = row;
            }
        }

        var users = new Dictionary<string, int>(stored.UserIds.Length, StringComparer.Ordinal);
        for (int user = 0; user < stored.UserIds.Length; user++)
        {
            int start = counts[user];
            // Equal timestamps keep file order (the comparison falls back to the row number).
            var segment = rows.AsSpan(start, counts[user + 1] - start);
            segment.Sort((a, b) => stored.Timestamp[a] != stored.Timestamp[b] ? stored.Timestamp[a].CompareTo(stored.Timestamp[b]) : a.CompareTo(b));
            if (!segment.IsEmpty)
            {
                users[stored.UserIds[user]] = user;
            }
        }

        var items = new int[rows.Length];
        var timestamps = new long[rows.Length];
        var eventTypes = new int[rows.Length];
        var eventValues = new float[rows.Length];
        var newestFirst = new RecentInteraction[rows.Length];
        for (int user = 0; user < stored.UserIds.Length; user++)
        {
            int start = counts[user];
            int end = counts[user + 1];
            for (int at = start; at < end; at++)
            {
                int row = rows[at];
                items[at] = itemMap[stored.ItemIndex[row]];
                timestamps[at] = stored.Timestamp[row];
                eventTypes[at] = stored.EventTypeIndex[row] < 0 ? -1 : typeMap[stored.EventTypeIndex[row]];
                eventValues[at] = stored.EventValue[row];
                var typeName = stored.EventTypeIndex[row] < 0 ? string.Empty : stored.EventTypes[stored.EventTypeIndex[row]];
                newestFirst[end - 1 - (at - start)] = new RecentInteraction(items[at], typeName);
            }
        }
        return new StoredHistories(users, counts, items, timestamps, eventTypes, eventValues, newestFirst);
    }
}
