using Attune.Contracts.Serving.Shards;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// The serving path's shards as ModelShardGrains, each holding its slice of the model, all asked at once. A model served
/// as a single shard (a catalogue below twice <see cref="ServingOptions.MinShardItems"/>) is scored by the calling
/// campaign grain's silo itself over its whole model: with nothing to spread or parallelize, the hop would only add its
/// cost (measured in bench/results/load.md).
/// </summary>
public sealed class GrainModelShards(IGrainFactory grains, InProcessModelShards local) : IModelShards
{
    private readonly ShardGrains _grains = new(grains);

    public Task<ShardSelection[]> SelectAsync(ServedModel served, ShardQuery query) => For(served).SelectAsync(served, query);

    public Task<int[]> ContributorsAsync(ServedModel served, ShardRequestHistory history, int[] items, int perItem)
        => For(served).ContributorsAsync(served, history, items, perItem);

    public Task<float[]> VectorsAsync(ServedModel served, int[] items) => For(served).VectorsAsync(served, items);

    private IModelShards For(ServedModel served)
    {
        ArgumentNullException.ThrowIfNull(served);
        return served.ShardCount == 1 ? local : _grains;
    }

    private sealed class ShardGrains(IGrainFactory grains) : ModelShards
    {
        protected override Task<ShardSelection> SelectAsync(ServedModel served, int shard, ShardQuery query) => Shard(served, shard).SelectAsync(query);

        protected override Task<int[]> ContributorsAsync(ServedModel served, int shard, ContributorQuery query) => Shard(served, shard).ContributorsAsync(query);

        protected override Task<float[]> VectorsAsync(ServedModel served, int shard, int[] items) => Shard(served, shard).VectorsAsync(items);

        private IModelShardGrain Shard(ServedModel served, int shard)
            => grains.GetGrain<IModelShardGrain>(ModelShardKey.For(served.SolutionVersionArn, shard, served.ShardCount));
    }
}
