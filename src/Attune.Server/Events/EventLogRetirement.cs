using Attune.Grains.Lifecycle;
using Attune.Storage.Catalog;

namespace Attune.Server.Events;

/// <summary>Closes a dataset group's event log writer when the group is deleted, before its database file goes.</summary>
internal sealed class EventLogRetirement(EventLogs logs) : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.DatasetGroup;

    public Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken) => logs.CloseAsync(arn);
}
