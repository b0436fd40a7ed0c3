using Attune.Contracts.Events;

namespace Attune.Grains.Serving;

/// <summary>
/// Identity of a set of live events (FNV-1a over their sequences): cached scores and explanations are valid only for
/// the same events. The last sequence alone would miss an event delivered late, out of sequence order.
/// </summary>
internal static class LiveStamp
{
    public static long Of(IReadOnlyList<LiveEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }
        ulong hash = 14695981039346656037;
        foreach (var live in events)
        {
            hash = (hash ^ (ulong)live.Sequence) * 1099511628211;
        }
        return (long)hash;
    }
}
