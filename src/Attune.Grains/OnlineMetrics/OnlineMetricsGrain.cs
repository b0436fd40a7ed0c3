using Attune.Contracts.OnlineMetrics;
using Microsoft.Extensions.Options;

namespace Attune.Grains.OnlineMetrics;

/// <inheritdoc cref="IOnlineMetricsGrain"/>
/// <remarks>
/// In memory only: the figures are operational, not billing data, so a silo's loss (or a day without traffic, the
/// collection age) starts them over rather than costing a write per recommendation.
/// </remarks>
[CollectionAgeLimit(Hours = 24)]
public sealed class OnlineMetricsGrain(IOptions<OnlineMetricsOptions> options, TimeProvider clock) : Grain, IOnlineMetricsGrain
{
    private readonly OnlineMetricsLedger _ledger =
        new(options.Value.OnlineWindow, options.Value.OnlineRetention, options.Value.OnlineRecommendationCap);

    public Task<IReadOnlyDictionary<string, EventCounts>> RecordAsync(OnlineMetricsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var served in batch.Served)
        {
            _ledger.RecordServed(served);
        }
        foreach (var recorded in batch.Events)
        {
            _ledger.RecordEvent(recorded);
        }
        return Task.FromResult(_ledger.TakeCounted());
    }

    public Task<OnlineMetricsReport> ReadAsync(int minutes) =>
        Task.FromResult(_ledger.Read(clock.GetUtcNow().ToUnixTimeMilliseconds(), minutes));
}
