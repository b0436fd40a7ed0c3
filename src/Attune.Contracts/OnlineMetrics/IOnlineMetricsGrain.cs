using Orleans.Concurrency;

namespace Attune.Contracts.OnlineMetrics;

/// <summary>
/// The online metrics of one serving resource (key: its campaign or recommender ARN): the recommendations it served
/// and the events that came back on them, fed by every silo's buffer in batches. One activation per resource in the
/// cluster, so a recommendation served on one silo and clicked through another meet here.
/// </summary>
[Alias("attune.IOnlineMetricsGrain")]
public interface IOnlineMetricsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the batch; answers, per event type, the events counted meanwhile (this batch's within the window of a
    /// known recommendation, and earlier batches' events that were waiting for one of this batch's recommendations).
    /// </summary>
    [Alias("Record")]
    Task<IReadOnlyDictionary<string, EventCounts>> RecordAsync(OnlineMetricsBatch batch);

    [Alias("Read"), ReadOnly]
    Task<OnlineMetricsReport> ReadAsync(int minutes);
}

/// <summary>What one silo saw for one resource since its last flush, in arrival order.</summary>
[GenerateSerializer, Immutable, Alias("attune.OnlineMetricsBatch")]
public sealed record OnlineMetricsBatch(
    [property: Id(0)] IReadOnlyList<ServedRecommendation> Served,
    [property: Id(1)] IReadOnlyList<RecommendationEvent> Events);

/// <summary>A recommendation answered at <paramref name="AtMs"/> (epoch ms): its id and the items it returned.</summary>
[GenerateSerializer, Immutable, Alias("attune.ServedRecommendation")]
public sealed record ServedRecommendation([property: Id(0)] string RecommendationId, [property: Id(1)] string[] ItemIds, [property: Id(2)] long AtMs);

/// <summary>A PutEvents event that named <paramref name="RecommendationId"/>, at <paramref name="AtMs"/> (receipt time, epoch ms).</summary>
[GenerateSerializer, Immutable, Alias("attune.RecommendationEvent")]
public sealed record RecommendationEvent(
    [property: Id(0)] string RecommendationId, [property: Id(1)] string? ItemId, [property: Id(2)] string EventType, [property: Id(3)] long AtMs);

/// <summary>Per-minute buckets (oldest first) and their totals.</summary>
[GenerateSerializer, Immutable, Alias("attune.OnlineMetricsReport")]
public sealed record OnlineMetricsReport([property: Id(0)] IReadOnlyList<OnlineMetricsBucket> Buckets, [property: Id(1)] OnlineMetricsBucket Totals);

/// <summary>
/// The recommendations served in one minute (<paramref name="StartMs"/>), the items they returned (impressions) and,
/// per event type, the events that named them within the window: all of them, and those on a returned item.
/// </summary>
[GenerateSerializer, Immutable, Alias("attune.OnlineMetricsBucket")]
public sealed record OnlineMetricsBucket(
    [property: Id(0)] long StartMs,
    [property: Id(1)] long Recommendations,
    [property: Id(2)] long Impressions,
    [property: Id(3)] IReadOnlyDictionary<string, EventCounts> Events);

[GenerateSerializer, Immutable, Alias("attune.EventCounts")]
public readonly record struct EventCounts([property: Id(0)] long Count, [property: Id(1)] long OnRecommended);
