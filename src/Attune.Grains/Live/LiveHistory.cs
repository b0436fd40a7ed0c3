using Attune.Contracts.Events;

namespace Attune.Grains.Live;

/// <summary>
/// A UserGrain's memory: the principal's live events in sequence order (the newest <see cref="MaxEvents"/> kept) and
/// how far back they are complete. It starts empty and reads the put log only when a read asks for events further
/// back than it knows, so activating (the ingest path) never waits for the store. Deliveries may arrive out of order
/// (concurrent group commits), so events are inserted by sequence and duplicates ignored.
/// </summary>
public sealed class LiveHistory(ILiveEventStore store, string datasetGroupArn, string principal)
{
    public const int MaxEvents = 1000;

    private readonly List<LiveEvent> _events = [];

    /// <summary>Every committed event of the principal with a greater sequence is held (long.MaxValue: nothing is known).</summary>
    private long _completeAfter = long.MaxValue;

    private (long After, Task Reading)? _catchUp;

    /// <summary>
    /// Adds delivered events. <paramref name="firstDelivery"/>: no event of the principal was delivered before, and the
    /// served models hold every older one (embedded mode, see <see cref="LocalLiveUsers"/>), so nothing is left to read.
    /// </summary>
    public void Append(IReadOnlyList<LiveEvent> events, bool firstDelivery)
    {
        if (firstDelivery)
        {
            _completeAfter = 0;
        }
        Insert(events);
    }

    /// <summary>The events after <paramref name="afterSequence"/>, reading the put log first only if they may not all be held.</summary>
    public async ValueTask<LiveEvent[]> ReadAsync(long afterSequence)
    {
        if (afterSequence < _completeAfter)
        {
            await CatchUpAsync(afterSequence);
        }
        int first = _events.Count;
        while (first > 0 && _events[first - 1].Sequence > afterSequence)
        {
            first--;
        }
        return first == _events.Count ? [] : _events.GetRange(first, _events.Count - first).ToArray();
    }

    /// <summary>One put-log read per gap: concurrent reads that need no older events share the one in flight.</summary>
    private Task CatchUpAsync(long afterSequence)
    {
        if (_catchUp is { } running && running.After <= afterSequence && !running.Reading.IsCompleted)
        {
            return running.Reading;
        }
        var reading = ReadStoreAsync(afterSequence);
        _catchUp = (afterSequence, reading);
        return reading;
    }

    private async Task ReadStoreAsync(long afterSequence)
    {
        // Events committed after this read's snapshot are delivered to this activation, so the gap closes here.
        Insert(await store.ReadAsync(datasetGroupArn, principal, afterSequence, CancellationToken.None));
        _completeAfter = Math.Min(_completeAfter, afterSequence);
    }

    private void Insert(IReadOnlyList<LiveEvent> events)
    {
        foreach (var live in events)
        {
            int at = _events.Count;
            while (at > 0 && _events[at - 1].Sequence > live.Sequence)
            {
                at--;
            }
            if (at > 0 && _events[at - 1].Sequence == live.Sequence)
            {
                continue;
            }
            _events.Insert(at, live);
        }
        if (_events.Count > MaxEvents)
        {
            _events.RemoveRange(0, _events.Count - MaxEvents);
        }
    }
}
