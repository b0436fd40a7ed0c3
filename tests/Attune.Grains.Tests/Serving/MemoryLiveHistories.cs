using System.Collections.Concurrent;
using Attune.Contracts.Live;
using Attune.Grains.Live;

namespace Attune.Grains.Tests.Serving;

/// <summary>Live events the tests commit by hand, in place of User and ItemGrains (which the end-to-end tests exercise).</summary>
internal sealed class MemoryLiveHistories : ILiveHistories, IItemActivitySource
{
    private readonly ConcurrentDictionary<string, List<LiveEvent>> _users = new(StringComparer.Ordinal);
    // Past every row the world's data put into the event log, as real live events are.
    private long _sequence = 1_000_000;

    public void Add(string userId, string itemId, long timestamp, string eventType = "view")
    {
        var events = _users.GetOrAdd(userId, _ => []);
        lock (events)
        {
            events.Add(new LiveEvent(Interlocked.Increment(ref _sequence), itemId, eventType, float.NaN, timestamp));
        }
    }

    public Task<LiveItemActivity[]> ReadAsync(string datasetGroupArn, IReadOnlyList<string> itemIds)
    {
        var events = _users.Values.SelectMany(list => { lock (list) { return list.ToArray(); } }).ToList();
        return Task.FromResult(itemIds.Select(id => new LiveItemActivity(events.Count(e => e.ItemId == id), 0)).ToArray());
    }

    public ValueTask<LiveEvent[]> ReadAsync(string datasetGroupArn, string userId, long afterSequence)
    {
        if (!_users.TryGetValue(userId, out var events))
        {
            return ValueTask.FromResult<LiveEvent[]>([]);
        }
        lock (events)
        {
            return ValueTask.FromResult(events.Where(e => e.Sequence > afterSequence).ToArray());
        }
    }
}
