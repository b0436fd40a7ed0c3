using Attune.Contracts.Resources;
using Attune.Contracts.Serving;
using Attune.Storage.Resources;

namespace Attune.Grains.Serving;

/// <summary>The solution version a campaign serves, for item campaigns and action campaigns alike.</summary>
internal static class ServedVersions
{
    /// <summary>A version ARN as it is, or for "solution/$LATEST" the solution's newest ACTIVE version.</summary>
    public static async Task<string> ResolveServedVersionAsync(this IResourceRegistry registry, string versionArn, CancellationToken cancellationToken)
    {
        if (!CampaignRecord.FollowsLatest(versionArn))
        {
            return versionArn;
        }
        var solutionArn = CampaignRecord.SolutionOfLatest(versionArn);
        var versions = await registry.ListLiveChildrenAsync(solutionArn, [ResourceKinds.SolutionVersion], cancellationToken);
        return versions.Where(v => v.Status == ResourceStatus.Active).OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Sequence)
            .FirstOrDefault()?.Arn
            ?? throw ServingException.InvalidInput($"The solution {solutionArn} has no ACTIVE solution version to serve.");
    }
}
