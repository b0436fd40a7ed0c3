using Attune.Storage.Artifacts;
using Attune.Storage.Catalog;

namespace Attune.Grains.Lifecycle;

/// <summary>Deleting a solution deletes its versions and their model artifacts.</summary>
public sealed class SolutionDeletion(ICatalog catalog, IModelArtifacts artifacts) : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.Solution;

    public async Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken)
    {
        foreach (var version in await catalog.ListLiveChildrenAsync(arn, [ResourceKinds.SolutionVersion], cancellationToken))
        {
            artifacts.Delete(version.Arn);
            await catalog.DeleteAsync(version.Arn, cancellationToken);
        }
    }
}
