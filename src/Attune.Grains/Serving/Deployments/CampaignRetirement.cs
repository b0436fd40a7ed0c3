using Attune.Grains.Lifecycle;
using Attune.Grains.Serving.Actions;
using Attune.Storage.Resources;

namespace Attune.Grains.Serving;

/// <summary>A deleted campaign stops serving and its model (item or next-best-action) is unloaded when no other campaign uses it.</summary>
public sealed class CampaignRetirement(CampaignDeployments deployments, ActionRecommender actions) : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.Campaign;

    public Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken)
    {
        deployments.Retire(arn);
        actions.Retire(arn);
        return Task.CompletedTask;
    }
}
