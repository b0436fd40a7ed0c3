using System.Collections.Concurrent;

namespace Attune.Grains.Serving;

/// <summary>
/// What requests derived from a user's history so far (explanations; a factor model's folded-in vector when the model
/// is held in slices), valid while the history's stamp is unchanged: finding contributors walks the history's model
/// rows, and a fold-in gathers vectors from the shards, so repeat requests reuse them. Bounded by a user count; once
/// full, further users' derivations are computed per request.
/// </summary>
internal sealed class UserDerivationCache(int capacity)
{
    private readonly ConcurrentDictionary<string, UserDerivations> _users = new(StringComparer.Ordinal);

    /// <summary>The user's derivations for this history, or null when the cache has no room for the user.</summary>
    public UserDerivations? For(string userId, long stamp)
    {
        if (_users.TryGetValue(userId, out var entry) && entry.Stamp == stamp)
        {
            return entry;
        }
        if (entry is null && _users.Count >= capacity)
        {
            return null;
        }
        var fresh = new UserDerivations(stamp);
        _users[userId] = fresh;
        return fresh;
    }
}

/// <summary>One user's derivations for one history stamp.</summary>
internal sealed class UserDerivations(long stamp)
{
    public long Stamp => stamp;

    /// <summary>Item → its top two history contributors.</summary>
    public ConcurrentDictionary<int, (int First, int Second)> Contributors { get; } = new();

    /// <summary>The user's vector for a model held in slices (set once found; a race computes the same vector twice).</summary>
    public float[]? QueryVector { get; set; }
}
