namespace Attune.Server.Quotas;

/// <summary>
/// A token bucket: full (<see cref="RateLimit.Burst"/> tokens) at creation, refilled at <see cref="RateLimit.PerSecond"/>
/// by the time elapsed, one token per request. A tiny lock per bucket: requests of one account and operation are the
/// only ones that contend on it.
/// </summary>
internal sealed class TokenBucket(RateLimit limit, long createdAt)
{
    private readonly Lock _gate = new();
    private double _tokens = limit.Burst;
    private long _refilledAt = createdAt;

    public RateLimit Limit => limit;

    /// <summary>Takes a token if one is left at <paramref name="now"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    public bool TryTake(long now, long timestampFrequency)
    {
        lock (_gate)
        {
            if (now > _refilledAt)
            {
                _tokens = Math.Min(limit.Burst, _tokens + (now - _refilledAt) * limit.PerSecond / timestampFrequency);
                _refilledAt = now;
            }
            if (_tokens < 1)
            {
                return false;
            }
            _tokens -= 1;
            return true;
        }
    }
}
