using System.Collections.Concurrent;
using Attune.Contracts.Live;
using Attune.Grains.Serving;

namespace Attune.Grains.Live;

/// <summary>
/// Keeps this silo's served catalogues current. A PutItems/PutUsers refreshes the silo that took it before it is
/// acknowledged (<see cref="ChangedAsync"/>); the other silos notice the group's bumped version within
/// <see cref="CheckInterval"/> (<see cref="CheckAsync"/>, run by a background loop on every silo).
/// </summary>
public sealed class CatalogueFreshness(CampaignDeployments deployments, IGrainFactory grains) : IEntityChanges
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);

    public async Task ChangedAsync(string datasetGroupArn, CancellationToken cancellationToken)
    {
        var version = await grains.GetGrain<ICatalogueVersionGrain>(datasetGroupArn).BumpAsync();
        await deployments.RefreshCatalogueAsync(datasetGroupArn, cancellationToken);
        _seen[datasetGroupArn] = version;
    }

    /// <summary>Refreshes the catalogues of groups whose version moved since this silo last looked.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var group in deployments.ServedGroups())
        {
            var version = await grains.GetGrain<ICatalogueVersionGrain>(group).GetAsync();
            if (_seen.TryGetValue(group, out var seen) && seen == version)
            {
                continue;
            }
            await deployments.RefreshCatalogueAsync(group, cancellationToken);
            _seen[group] = version;
        }
    }
}
