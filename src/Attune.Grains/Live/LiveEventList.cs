using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>
/// A principal's live events in sequence order, the newest <see cref="MaxEvents"/> kept. Deliveries may arrive out of
/// order (concurrent group commits), so events are inserted by sequence and duplicates ignored. Not thread-safe: its
/// owner serializes access (a grain's turns, or a lock).
/// </summary>
public sealed class LiveEventList
{
    public const int MaxEvents = 1000;

    private readonly List<LiveEvent> _events = [];

    public void Insert(IReadOnlyList<LiveEvent> events)
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

    /// <summary>The held events after <paramref name="afterSequence"/>, oldest first (a copy).</summary>
    public LiveEvent[] After(long afterSequence)
    {
        int first = _events.Count;
        while (first > 0 && _events[first - 1].Sequence > afterSequence)
        {
            first--;
        }
        return first == _events.Count ? [] : _events.GetRange(first, _events.Count - first).ToArray();
    }
}
