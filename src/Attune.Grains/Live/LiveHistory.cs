using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>
/// A UserGrain's memory: the principal's live events (<see cref="LiveEventList"/>) and how far back they are complete.
/// It starts empty and reads the event log only when a read asks for events further back than it knows, so activating
/// (the ingest path) never waits for the store.
/// </summary>
public sealed class LiveHistory(ILiveEventStore store, string datasetGroupArn, string principal)
{
    private readonly LiveEventList _events = new();

    /// <summary>Every committed event of the principal with a greater sequence is held (long.MaxValue: nothing is known).</summary>
    private long _completeAfter = long.MaxValue;

    private (long After, Task Reading)? _catchUp;

    /// <summary>Adds delivered events.</summary>
    public void Append(IReadOnlyList<LiveEvent> events) => _events.Insert(events);

    /// <summary>The events after <paramref name="afterSequence"/>, reading the event log first only if they may not all be held.</summary>
    public async ValueTask<LiveEvent[]> ReadAsync(long afterSequence)
    {
        if (afterSequence < _completeAfter)
        {
            await CatchUpAsync(afterSequence);
        }
        return _events.After(afterSequence);
    }

    /// <summary>One event-log read per gap: concurrent reads that need no older events share the one in flight.</summary>
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
        _events.Insert(await store.ReadAsync(datasetGroupArn, principal, afterSequence, CancellationToken.None));
        _completeAfter = Math.Min(_completeAfter, afterSequence);
    }
}
