using Attune.Contracts.Live;
using Attune.Storage.Datasets;

namespace Attune.Grains.Live;

/// <summary>
/// Live events read back from the dataset group's event log (what a UserGrain rebuilds from). A group without storage
/// (deleted, or never written) has no events, and reading must not create storage for it.
/// </summary>
public sealed class StoredLiveEvents(IDatasetStores stores) : ILiveEventStore
{
    public Task<IReadOnlyList<LiveEvent>> ReadAsync(string datasetGroupArn, string principal, long afterSequence, CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyList<LiveEvent>>(() =>
        {
            using var store = stores.OpenExisting(datasetGroupArn);
            if (store is null)
            {
                return [];
            }

            return [.. store.ReadEventLog(principal, afterSequence).Select(e => new LiveEvent(e.Sequence, e.ItemId, e.EventType, e.EventValue, e.Timestamp))];
        }, cancellationToken);
}
