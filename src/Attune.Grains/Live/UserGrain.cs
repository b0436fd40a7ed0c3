using Attune.Contracts.Events;

namespace Attune.Grains.Live;

/// <summary>
/// A principal's live events in sequence order, the newest <see cref="MaxEvents"/> kept: older live events are in
/// the store and reach models at their next training. Deliveries may arrive out of order (concurrent group
/// commits), so events are inserted by sequence and duplicates ignored.
/// </summary>
internal sealed class UserGrain(ILiveEventStore store) : Grain, IUserGrain
{
    public const int MaxEvents = 1000;

    private readonly List<LiveEvent> _events = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (groupArn, principal) = UserGrainKey.Parse(this.GetPrimaryKeyString());
        Insert(await store.ReadAsync(groupArn, principal, 0, cancellationToken));
    }

    public Task AppendAsync(LiveEvent[] events)
    {
        Insert(events);
        return Task.CompletedTask;
    }

    public ValueTask<LiveEvent[]> ReadAsync(long afterSequence)
    {
        int first = _events.Count;
        while (first > 0 && _events[first - 1].Sequence > afterSequence)
        {
            first--;
        }
        return ValueTask.FromResult(first == _events.Count ? [] : _events.GetRange(first, _events.Count - first).ToArray());
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
