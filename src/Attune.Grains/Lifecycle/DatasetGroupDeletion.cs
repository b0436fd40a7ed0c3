using Attune.Storage.Resources;
using Attune.Storage.Datasets;
using Attune.Storage.Events;

namespace Attune.Grains.Lifecycle;

/// <summary>
/// Deleting a dataset group closes its event log, then removes its database. The one deletion handler of a group, so
/// the order is written here: closing first commits what the log still queues and releases its connection, and a
/// file removed under an open log would leave that log writing to a deleted file.
/// </summary>
public sealed class DatasetGroupDeletion(IEventLogs logs, IDatasetStores datasets) : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.DatasetGroup;

    public async Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken)
    {
        await logs.CloseAsync(arn);
        datasets.Delete(arn);
    }
}
