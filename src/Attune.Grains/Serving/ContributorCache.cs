using System.Collections.Concurrent;

namespace Attune.Grains.Serving;

/// <summary>
/// The explanations found so far per user (item → its top two history contributors), valid while the user's live
/// stamp is unchanged. Finding contributors walks the history's model rows, so repeat requests reuse them. Bounded
/// by a user count; once full, further users' explanations are computed per request.
/// </summary>
internal sealed class ContributorCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _users = new(StringComparer.Ordinal);

    /// <summary>The user's explanations for this history, or null when the cache has no room for the user.</summary>
    public ConcurrentDictionary<int, (int First, int Second)>? For(string userId, long stamp)
    {
        if (_users.TryGetValue(userId, out var entry) && entry.Stamp == stamp)
        {
            return entry.Items;
        }
        if (entry is null && _users.Count >= capacity)
        {
            return null;
        }
        var fresh = new Entry(stamp, new ConcurrentDictionary<int, (int First, int Second)>());
        _users[userId] = fresh;
        return fresh.Items;
    }

    private sealed record Entry(long Stamp, ConcurrentDictionary<int, (int First, int Second)> Items);
}
