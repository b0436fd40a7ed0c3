using System.Threading.Channels;
using Attune.Grains.Live;

namespace Attune.Server.WebConsole;

/// <summary>One event-stream connection's queue: at most <see cref="Capacity"/> events, the oldest dropped first.</summary>
internal sealed class EventWatcher(Action<EventWatcher> leave) : IDisposable
{
    /// <summary>One SSE message's worth: a watcher never holds more, however fast events arrive.</summary>
    public const int Capacity = 50;

    private readonly Channel<PrincipalEvent> _events = Channel.CreateBounded<PrincipalEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private int _disposed;

    public void Offer(IReadOnlyList<PrincipalEvent> events)
    {
        foreach (var item in events)
        {
            _events.Writer.TryWrite(item);
        }
    }

    /// <summary>The queued events, oldest first.</summary>
    public List<PrincipalEvent> Drain()
    {
        var drained = new List<PrincipalEvent>();
        while (drained.Count < Capacity && _events.Reader.TryRead(out var item))
        {
            drained.Add(item);
        }
        return drained;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            leave(this);
        }
    }
}
