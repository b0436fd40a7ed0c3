using Attune.Storage.Resources;
using Attune.Storage.Datasets;
using Attune.Storage.Events;

namespace Attune.Grains.Lifecycle;

/// <summary>
/// A new dataset group starts from empty storage, even under the ARN of a deleted one: events that reached the old group
/// after its deletion began (through a tracker cached for a second) may have recreated its storage, and the new group
/// must not inherit them. Nothing legitimate is there yet: datasets and trackers need the group ACTIVE first.
/// </summary>
public sealed class DatasetGroupActivation(IEventLogs logs, IDatasetStores datasets) : IResourceActivationHandler
{
    public string Kind => ResourceKinds.DatasetGroup;

    public async Task ActivateAsync(ResourceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await logs.CloseAsync(record.Arn);
        datasets.Delete(record.Arn);
    }
}
