using Attune.Contracts.Resources;
using Attune.Storage.Resources;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Grains.Lifecycle;

/// <summary>Deleting a dataset removes its rows and its import jobs.</summary>
public sealed class DatasetDeletion(IResourceRegistry registry, IDatasetStores datasets) : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.Dataset;

    public async Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken)
    {
        var dataset = await registry.GetAsync(arn, cancellationToken);
        if (dataset is null)
        {
            return;
        }
        var type = DatasetTypes.Parse(DescribeBody.Read<DatasetRecord>(dataset.Body).DatasetType);
        using (var store = datasets.Open(dataset.ParentArn!))
        {
            store.DeleteDatasetData(type);
        }
        foreach (var job in await registry.ListLiveChildrenAsync(arn, [ResourceKinds.DatasetImportJob, ResourceKinds.DatasetExportJob], cancellationToken))
        {
            await registry.DeleteAsync(job.Arn, cancellationToken);
        }
    }
}
