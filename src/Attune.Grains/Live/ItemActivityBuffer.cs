using System.Collections.Concurrent;
using Attune.Contracts.Events;

namespace Attune.Grains.Live;

/// <summary>
/// Items' live interaction and impression counts gathered on this silo and handed to their ItemGrains in bulk every
/// <see cref="FlushInterval"/>: one grain call per item per interval instead of one per event, which at tens of
/// thousands of events a second would cost more than the events themselves. Exploration reads the counts no more
/// often than that anyway.
/// </summary>
public sealed class ItemActivityBuffer(IGrainFactory grains)
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private ConcurrentDictionary<(string Group, string Item), Counts> _pending = new();

    public void Record(string datasetGroupArn, string itemId, int interactions, int impressions)
    {
        var counts = _pending.GetOrAdd((datasetGroupArn, itemId), _ => new Counts());
        Interlocked.Add(ref counts.Interactions, interactions);
        Interlocked.Add(ref counts.Impressions, impressions);
    }

    /// <summary>Sends what was gathered since the last flush; counts recorded meanwhile wait for the next one.</summary>
    public Task FlushAsync()
    {
        var pending = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<(string Group, string Item), Counts>());
        return Task.WhenAll(pending.Select(entry => grains.GetGrain<IItemGrain>(ItemGrainKey.For(entry.Key.Group, entry.Key.Item))
            .RecordAsync(Volatile.Read(ref entry.Value.Interactions), Volatile.Read(ref entry.Value.Impressions))));
    }

    private sealed class Counts
    {
        public int Interactions;
        public int Impressions;
    }
}
