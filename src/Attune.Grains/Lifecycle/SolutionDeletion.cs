using Attune.Storage.Artifacts;
using Attune.Storage.Resources;

namespace Attune.Grains.Lifecycle;

/// <summary>Deleting a solution deletes its versions and their model artifacts.</summary>
public sealed class SolutionDeletion(IResourceRegistry registry, IModelArtifacts artifacts) : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.Solution;

    public async Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken)
    {
        foreach (var version in await registry.ListLiveChildrenAsync(arn, [ResourceKinds.SolutionVersion], cancellationToken))
        {
            artifacts.Delete(version.Arn);
            await registry.DeleteAsync(version.Arn, cancellationToken);
        }
    }
}
