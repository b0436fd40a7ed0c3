using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Attune.Contracts.OnlineMetrics;
using Attune.Contracts.Serving;
using Attune.Server.Observability;
using Attune.Storage.Resources;

namespace Attune.Server.Attribution;

/// <summary>
/// This silo's side of the online metrics: the hot paths enqueue what they served and the events that named a
/// recommendation (O(1) each, plus copying the answer's item ids), and <see cref="FlushAsync"/> (every second) hands
/// them to each resource's <see cref="IOnlineMetricsGrain"/>, which matches them across silos. At most
/// <see cref="MaxPending"/> entries wait; beyond that they are dropped and counted (attune_online_dropped_total).
/// Prometheus: attune_online_recommendations_total, attune_online_impressions_total, attune_online_events_total and
/// attune_online_events_on_recommended_total by resource (and event_type), counted by the silo that flushed them,
/// so a cluster's figure is the sum over its silos.
/// </summary>
internal sealed class OnlineMetricsBuffer
{
    public const int MaxPending = 100_000;

    private readonly ConcurrentQueue<(string Resource, ServedRecommendation Served)> _served = new();
    private readonly ConcurrentQueue<(string Group, RecommendationEvent Event)> _events = new();
    private readonly IGrainFactory _grains;
    private readonly IResourceRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly Counter<long> _recommendations;
    private readonly Counter<long> _impressions;
    private readonly Counter<long> _eventsCounted;
    private readonly Counter<long> _onRecommended;
    private readonly Counter<long> _dropped;
    private readonly Dictionary<string, (Func<string, string?> Resolve, long ReadAtMs)> _sources = new(StringComparer.Ordinal);
    private int _pending;

    public OnlineMetricsBuffer(IGrainFactory grains, IResourceRegistry registry, TimeProvider clock, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _grains = grains;
        _registry = registry;
        _clock = clock;
        var meter = meterFactory.Create(RequestMetrics.MeterName);
        _recommendations = meter.CreateCounter<long>("attune.online.recommendations", description: "Recommendations answered, by serving resource.");
        _impressions = meter.CreateCounter<long>("attune.online.impressions", description: "Items returned by recommendations, by serving resource.");
        _eventsCounted = meter.CreateCounter<long>("attune.online.events",
            description: "Events naming a recommendation of the resource within the window, by resource and event type.");
        _onRecommended = meter.CreateCounter<long>("attune.online.events_on_recommended",
            description: "Those events whose item the recommendation returned, by resource and event type.");
        _dropped = meter.CreateCounter<long>("attune.online.dropped", description: "Online-metric entries dropped because the buffer was full.");
    }

    /// <summary>A recommendation answered by <paramref name="resourceArn"/> (a campaign or recommender).</summary>
    public void Served(string resourceArn, ServingAnswer answer)
    {
        if (Admit())
        {
            var items = new string[answer.Items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = answer.Items[i].ItemId;
            }
            _served.Enqueue((resourceArn, new ServedRecommendation(answer.RecommendationId, items, Now())));
        }
    }

    /// <summary>A committed event of <paramref name="groupArn"/> that named <paramref name="recommendationId"/>.</summary>
    public void Event(string groupArn, string recommendationId, string? itemId, string eventType)
    {
        if (Admit())
        {
            _events.Enqueue((groupArn, new RecommendationEvent(recommendationId, itemId, eventType, Now())));
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batches = new Dictionary<string, (List<ServedRecommendation> Served, List<RecommendationEvent> Events)>(StringComparer.Ordinal);
        while (_served.TryDequeue(out var served))
        {
            Interlocked.Decrement(ref _pending);
            BatchOf(batches, served.Resource).Served.Add(served.Served);
        }
        while (_events.TryDequeue(out var recorded))
        {
            Interlocked.Decrement(ref _pending);
            if (await ResourceOfAsync(recorded.Group, recorded.Event.RecommendationId, cancellationToken) is { } resource)
            {
                BatchOf(batches, resource).Events.Add(recorded.Event);
            }
        }
        foreach (var (resource, (served, events)) in batches)
        {
            var counted = await _grains.GetGrain<IOnlineMetricsGrain>(resource).RecordAsync(new OnlineMetricsBatch(served, events));
            var tag = new KeyValuePair<string, object?>("resource", resource);
            _recommendations.Add(served.Count, tag);
            _impressions.Add(served.Sum(s => (long)s.ItemIds.Length), tag);
            foreach (var (eventType, counts) in counted)
            {
                var type = new KeyValuePair<string, object?>("event_type", eventType);
                _eventsCounted.Add(counts.Count, tag, type);
                _onRecommended.Add(counts.OnRecommended, tag, type);
            }
        }
    }

    private static (List<ServedRecommendation> Served, List<RecommendationEvent> Events) BatchOf(
        Dictionary<string, (List<ServedRecommendation>, List<RecommendationEvent>)> batches, string resource)
    {
        if (!batches.TryGetValue(resource, out var batch))
        {
            batches[resource] = batch = ([], []);
        }
        return batch;
    }

    /// <summary>The campaign or recommender that issued the id; the group's map is reread when it lacks the id's tag (at most every 2 s).</summary>
    private async Task<string?> ResourceOfAsync(string group, string recommendationId, CancellationToken cancellationToken)
    {
        var now = Now();
        if (_sources.TryGetValue(group, out var known))
        {
            var resource = known.Resolve(recommendationId);
            if (resource is not null || now - known.ReadAtMs < 2_000)
            {
                return resource;
            }
        }
        var resolve = await ServingSources.ReadAsync(_registry, group, cancellationToken);
        _sources[group] = (resolve, now);
        return resolve(recommendationId);
    }

    private bool Admit()
    {
        if (Interlocked.Increment(ref _pending) <= MaxPending)
        {
            return true;
        }
        Interlocked.Decrement(ref _pending);
        _dropped.Add(1);
        return false;
    }

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();
}
