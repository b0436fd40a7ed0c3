using Attune.Contracts.Live;

namespace Attune.Grains.Serving;

/// <summary>
/// Identity of a user's history as one copy of a model's data sees it (FNV-1a over the data's event-log watermark and
/// the live events' sequences): cached scores and explanations are valid only for the same history. The last
/// sequence alone would miss an event delivered late, out of sequence order; the watermark tells apart copies loaded
/// at different times (on different silos), whose stored part differs.
/// </summary>
internal static class LiveStamp
{
    public static long Of(long watermark, IReadOnlyList<LiveEvent> events, long deletions = 0)
    {
        ArgumentNullException.ThrowIfNull(events);
        ulong hash = (14695981039346656037 ^ (ulong)watermark) * 1099511628211;
        // A deletion job changes stored histories without moving the watermark.
        hash = (hash ^ (ulong)deletions) * 1099511628211;
        foreach (var live in events)
        {
            hash = (hash ^ (ulong)live.Sequence) * 1099511628211;
        }
        return (long)hash;
    }
}
