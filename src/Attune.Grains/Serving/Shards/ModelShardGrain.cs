using Attune.Contracts.Serving.Shards;
using Attune.Storage.Artifacts;
using Orleans.Placement;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// A model shard as a grain, placed on a random silo, so a model's shards spread over a cluster and scan in parallel on
/// several machines (on one silo the calls stay local and the immutable queries pass by reference). Each activation
/// reads only its slice of the model from the artifact, so no silo needs memory for the whole model: a model larger
/// than one silo's share is served by shards spread over silos.
/// </summary>
[RandomPlacement]
internal sealed class ModelShardGrain(IModelArtifacts artifacts, HeldSlices held) : Grain, IModelShardGrain
{
    private ShardScorer? _scorer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (versionArn, index, count) = ModelShardKey.Parse(this.GetPrimaryKeyString());
        var slice = await Task.Run(() => ModelSlices.Read(artifacts, versionArn, index, count), cancellationToken);
        _scorer = new ShardScorer(slice, new ShardRange(index, count, slice.ItemCount));
        held.Hold(this, slice);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        held.Release(this);
        return Task.CompletedTask;
    }

    public Task<ShardSelection> SelectAsync(ShardQuery query) => Task.FromResult(_scorer!.Select(query));

    public Task<int[]> ContributorsAsync(ContributorQuery query) => Task.FromResult(_scorer!.Contributors(query));

    public Task<float[]> VectorsAsync(int[] items) => Task.FromResult(_scorer!.Vectors(items));
}
