using System.Collections.Concurrent;
using System.Globalization;
using Attune.Server.Wire;

namespace Attune.Server.Quotas;

/// <summary>
/// Request rates per account and operation: one <see cref="TokenBucket"/> per (account, operation), sized by the
/// account's control-plane or data-plane (runtime and events) limit. An admitted request allocates nothing.
/// </summary>
public sealed class RequestRates
{
    private readonly ConcurrentDictionary<BucketKey, TokenBucket> _buckets = new();
    private readonly QuotaTable _quotas;
    private readonly TimeProvider _clock;

    public RequestRates(QuotaTable quotas, TimeProvider clock)
    {
        _quotas = quotas;
        _clock = clock;
    }

    /// <summary>
    /// Takes one request of <paramref name="operation"/> from the bucket of <paramref name="accountId"/>, or throws
    /// ThrottlingException; <paramref name="controlPlane"/> says which limit applies (else runtime and events).
    /// </summary>
    public void Admit(string accountId, string operation, bool controlPlane)
    {
        var quotas = _quotas.For(accountId);
        var limit = controlPlane ? quotas.ControlPlane : quotas.DataPlane;
        if (limit.IsUnlimited)
        {
            return;
        }
        var now = _clock.GetTimestamp();
        var bucket = _buckets.GetOrAdd(new BucketKey(accountId, operation), static (_, state) => new TokenBucket(state.limit, state.now), (limit, now));
        if (!bucket.TryTake(now, _clock.TimestampFrequency))
        {
            // Not in the service models: ApiException carries AWS's status for it, 400, which SDKs retry with backoff.
            throw new ApiException("ThrottlingException", string.Create(CultureInfo.InvariantCulture,
                $"Rate exceeded: {operation} allows {bucket.Limit.PerSecond} requests per second per account (bursts of {bucket.Limit.Burst}); " +
                $"quota {(controlPlane ? "ControlPlane" : "DataPlane")}RequestsPerSecond. Retry with backoff."), 400);
        }
    }

    private readonly record struct BucketKey(string AccountId, string Operation);
}
