using System.Collections.Concurrent;
using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>
/// Items' live interaction and impression counts gathered on this silo and handed to their ItemGrains in bulk every
/// <see cref="FlushInterval"/>: one grain call per item per interval instead of one per event, which at tens of
/// thousands of events a second would cost more than the events themselves. Exploration reads the counts no more
/// often than that anyway.
/// </summary>
public sealed class ItemActivityBuffer(IGrainFactory grains) : IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    // Recorders share the read side; a drain takes the write side to swap the dictionary, so no count is added to a
    // dictionary after the drain has read it.
    private readonly ReaderWriterLockSlim _swap = new(LockRecursionPolicy.NoRecursion);
    private ConcurrentDictionary<(string Group, string Item), Counts> _pending = new();

    public void Record(string datasetGroupArn, string itemId, int interactions, int impressions)
    {
        _swap.EnterReadLock();
        try
        {
            var counts = _pending.GetOrAdd((datasetGroupArn, itemId), _ => new Counts());
            Interlocked.Add(ref counts.Interactions, interactions);
            Interlocked.Add(ref counts.Impressions, impressions);
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    /// <summary>Sends what was gathered since the last flush; counts recorded meanwhile wait for the next one.</summary>
    public Task FlushAsync() =>
        Task.WhenAll(Drain().Select(item => grains.GetGrain<IItemGrain>(ItemGrainKey.For(item.DatasetGroupArn, item.ItemId))
            .RecordAsync(item.Interactions, item.Impressions)));

    /// <summary>Takes every count gathered so far, each exactly once, and starts gathering afresh.</summary>
    public IReadOnlyList<ItemActivityCounts> Drain()
    {
        ConcurrentDictionary<(string Group, string Item), Counts> drained;
        _swap.EnterWriteLock();
        try
        {
            drained = _pending;
            _pending = new();
        }
        finally
        {
            _swap.ExitWriteLock();
        }
        return [.. drained.Select(entry => new ItemActivityCounts(entry.Key.Group, entry.Key.Item, entry.Value.Interactions, entry.Value.Impressions))];
    }

    public void Dispose() => _swap.Dispose();

    private sealed class Counts
    {
        public int Interactions;
        public int Impressions;
    }
}

/// <summary>One item's counts since the last drain.</summary>
public sealed record ItemActivityCounts(string DatasetGroupArn, string ItemId, int Interactions, int Impressions);
