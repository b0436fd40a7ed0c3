using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>Where exploration reads items' live activity.</summary>
public interface IItemActivitySource
{
    Task<LiveItemActivity[]> ReadAsync(string datasetGroupArn, IReadOnlyList<string> itemIds);
}

/// <summary>Live activity from the items' ItemGrains, read together.</summary>
public sealed class ItemGrainActivity(IGrainFactory grains) : IItemActivitySource
{
    public async Task<LiveItemActivity[]> ReadAsync(string datasetGroupArn, IReadOnlyList<string> itemIds)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var reads = itemIds.Select(id => grains.GetGrain<IItemGrain>(ItemGrainKey.For(datasetGroupArn, id)).GetActivityAsync().AsTask());
        return await Task.WhenAll(reads);
    }
}
