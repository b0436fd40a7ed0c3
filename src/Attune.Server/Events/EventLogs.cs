using System.Collections.Concurrent;
using Attune.Storage;
using Attune.Storage.Datasets;

namespace Attune.Server.Events;

/// <summary>
/// One group-committing <see cref="EventLogWriter"/> per dataset group, opened on its first event, closed when the
/// group is deleted (its connection would otherwise keep writing to the deleted file) and flushed at shutdown.
/// </summary>
internal sealed class EventLogs(StorageLocations locations) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<EventLogWriter>> _writers = new(StringComparer.Ordinal);

    public EventLogWriter For(string datasetGroupArn) =>
        _writers.GetOrAdd(datasetGroupArn, arn => new Lazy<EventLogWriter>(
            () => new EventLogWriter(DatasetStore.Open(locations.DataDirectory, arn)))).Value;

    /// <summary>Commits what is queued for the group and closes its writer; the next event opens a new one.</summary>
    public async Task CloseAsync(string datasetGroupArn)
    {
        if (_writers.TryRemove(datasetGroupArn, out var writer) && writer.IsValueCreated)
        {
            await writer.Value.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers.Values.Where(w => w.IsValueCreated))
        {
            await writer.Value.DisposeAsync();
        }
    }
}
