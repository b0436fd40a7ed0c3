namespace Attune.Grains.Serving.Shards;

/// <summary>
/// The serving path's fan-out: one ModelShardGrain call per shard, all in flight together. A model served as a single
/// shard (a catalogue below twice <see cref="ServingOptions.MinShardItems"/>) is scored by the calling campaign grain's
/// silo itself: with nothing to spread or parallelize, the hop would only add its cost (measured in bench/results/load.md).
/// </summary>
public sealed class GrainModelShards(IGrainFactory grains, InProcessModelShards local) : IModelShards
{
    public Task<ShardSelection[]> SelectAsync(ServedModel served, int shardCount, ShardQuery query)
    {
        ArgumentNullException.ThrowIfNull(served);
        if (shardCount == 1)
        {
            return local.SelectAsync(served, 1, query);
        }
        var calls = new Task<ShardSelection>[shardCount];
        for (int shard = 0; shard < shardCount; shard++)
        {
            calls[shard] = grains.GetGrain<IModelShardGrain>(ModelShardKey.For(served.SolutionVersionArn, shard, shardCount)).SelectAsync(query);
        }
        return Task.WhenAll(calls);
    }
}
