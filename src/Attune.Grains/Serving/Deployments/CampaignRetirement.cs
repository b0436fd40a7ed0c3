using Attune.Grains.Lifecycle;
using Attune.Storage.Resources;

namespace Attune.Grains.Serving;

/// <summary>A deleted campaign stops serving and its model is unloaded when no other campaign uses it.</summary>
public sealed class CampaignRetirement(CampaignDeployments deployments) : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.Campaign;

    public Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken)
    {
        deployments.Retire(arn);
        return Task.CompletedTask;
    }
}
