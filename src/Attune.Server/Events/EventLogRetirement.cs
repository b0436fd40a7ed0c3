using Attune.Grains.Lifecycle;
using Attune.Storage.Catalog;
using Attune.Storage.Events;

namespace Attune.Server.Events;

/// <summary>Closes a dataset group's event log when the group is deleted, before its storage goes.</summary>
internal sealed class EventLogRetirement(IEventLogs logs) : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.DatasetGroup;

    public Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken) => logs.CloseAsync(arn);
}
