using System.Collections.Concurrent;

namespace Attune.Grains.Serving;

/// <summary>
/// Each user's raw scores and softmax normalizer, kept after the first request: histories are fixed for a served
/// model's lifetime, so a user's scores are too (live events must drop the user's entry). Bounded by a memory
/// budget; once full, further users are scored per request (no eviction churn, which would copy a catalogue-sized
/// array per request on large catalogues).
/// </summary>
internal sealed class UserScoreCache(int itemCount, long budgetBytes)
{
    private readonly ConcurrentDictionary<string, CachedScores> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity = (int)Math.Min(int.MaxValue, budgetBytes / ((itemCount * sizeof(float)) + 64L));

    public bool TryGet(string userId, out CachedScores scores) => _entries.TryGetValue(userId, out scores!);

    /// <summary>Caches a copy of the scores; returns the entry, or null when the budget allows none.</summary>
    public CachedScores? Add(string userId, ReadOnlySpan<float> scores, float logNormalizer)
    {
        if (_entries.Count >= _capacity)
        {
            return null;
        }
        return _entries[userId] = new CachedScores(scores.ToArray(), logNormalizer);
    }
}

/// <summary>A user's cached scores, and the explanations (top history contributors) found so far per item.</summary>
internal sealed record CachedScores(float[] Scores, float LogNormalizer)
{
    public ConcurrentDictionary<int, (int First, int Second)> Contributors { get; } = new();
}
