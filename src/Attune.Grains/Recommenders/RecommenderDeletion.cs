using Attune.Grains.Lifecycle;
using Attune.Grains.Serving;
using Attune.Storage.Artifacts;
using Attune.Storage.Resources;

namespace Attune.Grains.Recommenders;

/// <summary>Deleting a recommender stops its serving and deletes its models and their artifacts.</summary>
public sealed class RecommenderDeletion(IResourceRegistry registry, IModelArtifacts artifacts, CampaignDeployments deployments)
    : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.Recommender;

    public Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken)
    {
        deployments.Retire(arn);
        return SolutionDeletion.DeleteVersionsAsync(registry, artifacts, arn, cancellationToken);
    }
}
