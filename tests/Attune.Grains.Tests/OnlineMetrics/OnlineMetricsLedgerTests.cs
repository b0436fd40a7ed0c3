using Attune.Contracts.OnlineMetrics;
using Attune.Grains.OnlineMetrics;

namespace Attune.Grains.Tests.OnlineMetrics;

/// <summary>The online-metric arithmetic on a scripted stream, counted by hand: buckets, window, cap, rates' inputs.</summary>
public sealed class OnlineMetricsLedgerTests
{
    private const long Minute = OnlineMetricsLedger.BucketMs;
    private const long T0 = 1_800_000_000_000; // a whole minute

    private readonly OnlineMetricsLedger _ledger = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), cap: 1000);

    [Fact]
    public void Events_count_in_the_minute_of_their_recommendation_and_on_returned_items_only()
    {
        _ledger.RecordServed(new ServedRecommendation("r1", ["a", "b", "c"], T0 + 5_000));
        _ledger.RecordServed(new ServedRecommendation("r2", ["d", "e"], T0 + Minute + 1_000));

        _ledger.RecordEvent(new RecommendationEvent("r1", "b", "click", T0 + 3 * Minute));
        _ledger.RecordEvent(new RecommendationEvent("r1", "z", "click", T0 + 3 * Minute));
        _ledger.RecordEvent(new RecommendationEvent("r1", "c", "purchase", T0 + 4 * Minute));
        _ledger.RecordEvent(new RecommendationEvent("r2", "e", "click", T0 + 2 * Minute));
        _ledger.RecordEvent(new RecommendationEvent("unknown", "a", "click", T0 + 2 * Minute));

        var report = _ledger.Read(T0 + 4 * Minute + 10, minutes: 5);
        var counted = _ledger.TakeCounted();
        Assert.Equal(new EventCounts(3, 2), counted["click"]);
        Assert.Equal(new EventCounts(1, 1), counted["purchase"]);
        Assert.Empty(_ledger.TakeCounted());

        Assert.Equal([T0, T0 + Minute, T0 + 2 * Minute, T0 + 3 * Minute, T0 + 4 * Minute], report.Buckets.Select(b => b.StartMs));
        var first = report.Buckets[0];
        Assert.Equal((1, 3), (first.Recommendations, first.Impressions));
        Assert.Equal(new EventCounts(2, 1), first.Events["click"]);
        Assert.Equal(new EventCounts(1, 1), first.Events["purchase"]);
        Assert.Equal(new EventCounts(1, 1), report.Buckets[1].Events["click"]);
        Assert.Equal((2, 5), (report.Totals.Recommendations, report.Totals.Impressions));
        Assert.Equal(new EventCounts(3, 2), report.Totals.Events["click"]);
        Assert.Empty(report.Buckets[4].Events);
    }

    [Fact]
    public void An_event_after_the_window_and_a_recommendation_past_the_cap_count_nothing()
    {
        var ledger = new OnlineMetricsLedger(TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), cap: 2);
        ledger.RecordServed(new ServedRecommendation("r1", ["a"], T0));
        ledger.RecordServed(new ServedRecommendation("r2", ["a"], T0 + 1));
        ledger.RecordServed(new ServedRecommendation("r3", ["a"], T0 + 2)); // r1 is forgotten: the cap is 2

        ledger.RecordEvent(new RecommendationEvent("r1", "a", "click", T0 + 10));
        ledger.RecordEvent(new RecommendationEvent("r2", "a", "click", T0 + 31 * Minute));
        ledger.RecordEvent(new RecommendationEvent("r3", "a", "click", T0 + 30 * Minute));

        var totals = ledger.Read(T0 + 30 * Minute, minutes: 31).Totals;
        Assert.Equal((3, 3), (totals.Recommendations, totals.Impressions));
        Assert.Equal(new EventCounts(1, 1), totals.Events["click"]);
    }

    [Fact]
    public void An_event_that_overtakes_its_recommendation_waits_for_it_within_the_grace()
    {
        _ledger.RecordEvent(new RecommendationEvent("r1", "a", "click", T0 + 900));
        _ledger.RecordEvent(new RecommendationEvent("late", "a", "click", T0 + 900));
        Assert.Empty(_ledger.TakeCounted());

        _ledger.RecordServed(new ServedRecommendation("r1", ["a", "b"], T0 + 1_000));
        _ledger.RecordServed(new ServedRecommendation("late", ["a"], T0 + 900 + OnlineMetricsLedger.EarlyGraceMs + 1));

        Assert.Equal(new EventCounts(1, 1), _ledger.TakeCounted()["click"]);
        Assert.Equal(new EventCounts(1, 1), _ledger.Read(T0 + 20_000, 1).Totals.Events["click"]);
    }

    [Fact]
    public void A_recommendation_delivered_twice_counts_once_and_buckets_past_the_retention_are_dropped()
    {
        _ledger.RecordServed(new ServedRecommendation("r1", ["a", "b"], T0));
        _ledger.RecordServed(new ServedRecommendation("r1", ["a", "b"], T0));
        Assert.Equal(1, _ledger.Read(T0, 1).Totals.Recommendations);

        _ledger.RecordServed(new ServedRecommendation("r2", ["a"], T0 + 2 * 60 * Minute));
        var report = _ledger.Read(T0 + 2 * 60 * Minute, 24 * 60);
        Assert.Equal(1, report.Totals.Recommendations);
    }

    [Fact]
    public void Event_types_beyond_the_bound_are_folded_together()
    {
        _ledger.RecordServed(new ServedRecommendation("r1", ["a"], T0));
        for (var type = 0; type < OnlineMetricsLedger.MaxEventTypes + 5; type++)
        {
            _ledger.RecordEvent(new RecommendationEvent("r1", "a", $"type{type}", T0 + 1));
        }

        var events = _ledger.Read(T0, 1).Totals.Events;
        Assert.Equal(OnlineMetricsLedger.MaxEventTypes + 1, events.Count);
        Assert.Equal(new EventCounts(5, 5), events[OnlineMetricsLedger.OtherEventTypes]);
    }
}
