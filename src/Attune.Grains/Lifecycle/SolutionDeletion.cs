using Attune.Storage.Artifacts;
using Attune.Storage.Resources;

namespace Attune.Grains.Lifecycle;

/// <summary>Deleting a solution deletes its versions and their model artifacts.</summary>
public sealed class SolutionDeletion(IResourceRegistry registry, IModelArtifacts artifacts) : IResourceDeletionHandler
{
    public string Kind => ResourceKinds.Solution;

    public Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken) =>
        DeleteVersionsAsync(registry, artifacts, arn, cancellationToken);

    /// <summary>Deletes the solution versions <paramref name="ownerArn"/> (a solution or a recommender) owns, with their artifacts.</summary>
    public static async Task DeleteVersionsAsync(IResourceRegistry registry, IModelArtifacts artifacts, string ownerArn, CancellationToken cancellationToken)
    {
        foreach (var version in await registry.ListLiveChildrenAsync(ownerArn, [ResourceKinds.SolutionVersion], cancellationToken))
        {
            artifacts.Delete(version.Arn);
            await registry.DeleteAsync(version.Arn, cancellationToken);
        }
    }
}
