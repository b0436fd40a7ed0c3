using Attune.Contracts.Live;
using Attune.Grains.Live;
using Attune.Server.WebConsole;
using Microsoft.Extensions.Time.Testing;

namespace Attune.Server.Tests.WebConsole;

/// <summary>The event stream's feed: free when nobody watches, bounded per watcher, and scoped to its group.</summary>
public sealed class ConsoleEventFeedTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ConsoleEventFeed _feed;

    public ConsoleEventFeedTests() => _feed = new ConsoleEventFeed(_clock);

    [Fact]
    public async Task A_watcher_gets_its_group_events_only_and_at_most_the_newest_fifty()
    {
        using var watcher = _feed.Watch("group-a");

        await _feed.PublishAsync("group-b", Events(3, "other"), [], CancellationToken.None);
        await _feed.PublishAsync("group-a", Events(120, "mine"), [], CancellationToken.None);
        var drained = watcher.Drain();

        Assert.Equal(EventWatcher.Capacity, drained.Count);
        Assert.All(drained, e => Assert.StartsWith("mine", e.Event.ItemId, StringComparison.Ordinal));
        Assert.Equal("mine-119", drained[^1].Event.ItemId); // the oldest were dropped, not the newest
        Assert.Empty(watcher.Drain());
    }

    [Fact]
    public async Task The_rate_counts_the_last_ten_seconds_and_stops_when_the_last_watcher_leaves()
    {
        var first = _feed.Watch("group-a");
        using var second = _feed.Watch("group-a");
        await _feed.PublishAsync("group-a", Events(30, "x"), [], CancellationToken.None);
        Assert.Equal(3.0, _feed.EventsPerSecond("group-a"));

        first.Dispose();
        await _feed.PublishAsync("group-a", Events(1, "y"), [], CancellationToken.None);
        Assert.Equal(31, second.Drain().Count); // the one left still gets every event (its queue holds 50)
        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(0.0, _feed.EventsPerSecond("group-a"));
    }

    [Fact]
    public async Task Nobody_watching_means_nothing_is_kept()
    {
        using (_feed.Watch("group-a"))
        {
        }
        await _feed.PublishAsync("group-a", Events(5, "x"), [], CancellationToken.None);

        Assert.Equal(0.0, _feed.EventsPerSecond("group-a"));
        using var later = _feed.Watch("group-a");
        Assert.Empty(later.Drain());
    }

    private static List<PrincipalEvent> Events(int count, string prefix) =>
        [.. Enumerable.Range(0, count).Select(i => new PrincipalEvent("user", new LiveEvent(i, $"{prefix}-{i}", "click", float.NaN, 1_700_000_000)))];
}
