using System.Collections.Concurrent;

namespace Attune.Storage.Events;

/// <summary>
/// One <see cref="EventLogWriter"/> per dataset group, opened by the backend's factory on the group's first event, closed
/// when the group is deleted (its connection would otherwise keep writing to deleted storage) and flushed at shutdown.
/// A writer that retired itself (its session found the group deleted, e.g. by another silo) is replaced on the next event.
/// </summary>
public sealed class GroupEventLogs(Func<string, EventLogWriter> open) : IEventLogs
{
    private readonly ConcurrentDictionary<string, Lazy<EventLogWriter>> _writers = new(StringComparer.Ordinal);

    public IEventLog For(string datasetGroupArn)
    {
        while (true)
        {
            var entry = _writers.GetOrAdd(datasetGroupArn, arn => new Lazy<EventLogWriter>(() => open(arn)));
            if (!Opened(datasetGroupArn, entry).IsRetired)
            {
                return entry.Value;
            }

            // A retired writer takes no more events and its thread ends by itself; only the entry is left to drop.
            _writers.TryRemove(new KeyValuePair<string, Lazy<EventLogWriter>>(datasetGroupArn, entry));
        }
    }

    /// <summary>The entry's writer; a failed open (the store unreachable, say) is dropped so the next event retries it.</summary>
    private EventLogWriter Opened(string datasetGroupArn, Lazy<EventLogWriter> entry)
    {
        try
        {
            return entry.Value;
        }
        catch
        {
            _writers.TryRemove(new KeyValuePair<string, Lazy<EventLogWriter>>(datasetGroupArn, entry));
            throw;
        }
    }

    public async Task CloseAsync(string datasetGroupArn)
    {
        if (_writers.TryRemove(datasetGroupArn, out var writer) && writer.IsValueCreated)
        {
            await writer.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers.Values.Where(w => w.IsValueCreated))
        {
            await writer.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
