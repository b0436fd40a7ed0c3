using Orleans.Placement;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// A model shard as a grain. Placed on the silo that first asks for it, so a campaign's calls stay local and its
/// immutable queries pass by reference; the model itself is loaded once per silo and shared by its shards.
/// </summary>
[PreferLocalPlacement]
internal sealed class ModelShardGrain(CampaignDeployments deployments) : Grain, IModelShardGrain
{
    private ShardScorer? _scorer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (versionArn, index, count) = ModelShardKey.Parse(this.GetPrimaryKeyString());
        var served = await deployments.GetModelAsync(versionArn, cancellationToken);
        _scorer = new ShardScorer(served, new ShardRange(index, count, served.ItemCount));
    }

    public Task<ShardSelection> SelectAsync(ShardQuery query) => Task.FromResult(_scorer!.Select(query));
}
