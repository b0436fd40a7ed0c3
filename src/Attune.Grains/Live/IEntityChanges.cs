using Attune.Grains.Serving;

namespace Attune.Grains.Live;

/// <summary>Tells serving that a group's Items or Users changed (PutItems, PutUsers), before the change is acknowledged.</summary>
public interface IEntityChanges
{
    Task ChangedAsync(string datasetGroupArn, CancellationToken cancellationToken);
}

/// <summary>Refreshes the catalogues of the models this process serves.</summary>
public sealed class ServedCatalogueRefresh(CampaignDeployments deployments) : IEntityChanges
{
    public Task ChangedAsync(string datasetGroupArn, CancellationToken cancellationToken) =>
        deployments.RefreshCatalogueAsync(datasetGroupArn, cancellationToken);
}
