using System.Collections.Concurrent;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// A shard's scores per user, kept after the first request and valid while the user's live stamp is unchanged (a
/// new event changes the stamp, so the next request rescores). Bounded by a memory budget; once full, new users are
/// scored per request (no eviction churn, which would copy a range-sized array per request on large catalogues).
/// </summary>
internal sealed class RangeScoreCache(int rangeLength, long budgetBytes)
{
    private readonly ConcurrentDictionary<string, RangeScores> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity = (int)Math.Min(int.MaxValue, budgetBytes / ((rangeLength * sizeof(float)) + 64L));

    public bool TryGet(string userId, long stamp, out RangeScores scores) =>
        _entries.TryGetValue(userId, out scores!) && scores.Stamp == stamp;

    /// <summary>Keeps a copy of the scores, replacing the user's older entry; false when the budget allows no more users.</summary>
    public void Add(string userId, long stamp, ReadOnlySpan<float> scores, float max, double sumExp)
    {
        if (_entries.Count >= _capacity && !_entries.ContainsKey(userId))
        {
            return;
        }
        _entries[userId] = new RangeScores(stamp, scores.ToArray(), max, sumExp);
    }
}

/// <summary>A user's raw scores over a shard's items, with the shard's softmax part.</summary>
internal sealed record RangeScores(long Stamp, float[] Scores, float Max, double SumExp);
