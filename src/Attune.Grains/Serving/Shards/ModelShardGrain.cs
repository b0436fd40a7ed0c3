using Attune.Grains.Live;
using Orleans.Placement;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// A model shard as a grain, placed on a random silo, so a model's shards spread over a
/// cluster and scan in parallel on several machines (on one silo the calls stay local and the immutable queries pass
/// by reference). The model is loaded once per silo and shared by the shards there.
/// </summary>
[RandomPlacement]
internal sealed class ModelShardGrain(CampaignDeployments deployments, ILiveHistories live) : Grain, IModelShardGrain
{
    private ShardScorer? _scorer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (versionArn, index, count) = ModelShardKey.Parse(this.GetPrimaryKeyString());
        var served = await deployments.GetModelAsync(versionArn, cancellationToken);
        _scorer = new ShardScorer(served, new ShardRange(index, count, served.ItemCount), live);
    }

    public Task<ShardSelection> SelectAsync(ShardQuery query) => _scorer!.SelectAsync(query).AsTask();
}
