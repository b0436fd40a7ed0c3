using System.Collections.Concurrent;
using Attune.Grains.Live;

namespace Attune.Server.WebConsole;

/// <summary>
/// The live event stream's source: one more <see cref="ILiveEvents"/> sink on the PutEvents path, after the events are
/// committed. A group nobody watches costs one dictionary miss per PutEvents request; a watched group hands each
/// event to each watcher's bounded queue (the oldest dropped when a watcher falls behind) and counts it for the rate.
/// It sees the events this process ingests: the whole stream in embedded mode; in a cluster, the events that came in
/// through the member the console is connected to (see Console/README.md).
/// </summary>
internal sealed class ConsoleEventFeed(TimeProvider clock) : ILiveEvents
{
    private readonly ConcurrentDictionary<string, GroupFeed> _groups = new(StringComparer.Ordinal);

    public Task PublishAsync(string datasetGroupArn, IReadOnlyList<PrincipalEvent> events, IReadOnlyList<string> impressions, CancellationToken cancellationToken)
    {
        if (_groups.TryGetValue(datasetGroupArn, out var feed))
        {
            feed.Publish(events, clock.GetUtcNow());
        }
        return Task.CompletedTask;
    }

    /// <summary>Starts watching a group; dispose the watcher to stop.</summary>
    public EventWatcher Watch(string datasetGroupArn)
    {
        while (true)
        {
            var feed = _groups.GetOrAdd(datasetGroupArn, _ => new GroupFeed());
            if (feed.TryAdd(out var watcher, leaving => Leave(datasetGroupArn, feed, leaving)))
            {
                return watcher;
            }
            // The last watcher just left and the feed is being removed: take a fresh one.
        }
    }

    /// <summary>Events per second over the last ten seconds in the group (0 when nobody watches it).</summary>
    public double EventsPerSecond(string datasetGroupArn)
        => _groups.TryGetValue(datasetGroupArn, out var feed) ? feed.Rate.PerSecond(clock.GetUtcNow()) : 0;

    private void Leave(string datasetGroupArn, GroupFeed feed, EventWatcher watcher)
    {
        if (feed.Remove(watcher))
        {
            _groups.TryRemove(new KeyValuePair<string, GroupFeed>(datasetGroupArn, feed));
        }
    }

    /// <summary>A watched group: its watchers and its event rate.</summary>
    private sealed class GroupFeed
    {
        private readonly Lock _lock = new();
        private EventWatcher[] _watchers = [];
        private bool _closed;

        public EventRate Rate { get; } = new();

        public bool TryAdd(out EventWatcher watcher, Action<EventWatcher> leave)
        {
            watcher = new EventWatcher(leave);
            lock (_lock)
            {
                if (_closed)
                {
                    return false;
                }
                _watchers = [.. _watchers, watcher];
                return true;
            }
        }

        /// <summary>Removes a watcher; true when it was the last (the feed is closed for good).</summary>
        public bool Remove(EventWatcher watcher)
        {
            lock (_lock)
            {
                _watchers = [.. _watchers.Where(w => w != watcher)];
                _closed = _watchers.Length == 0;
                return _closed;
            }
        }

        public void Publish(IReadOnlyList<PrincipalEvent> events, DateTimeOffset now)
        {
            Rate.Add(events.Count, now);
            foreach (var watcher in Volatile.Read(ref _watchers))
            {
                watcher.Offer(events);
            }
        }
    }
}
