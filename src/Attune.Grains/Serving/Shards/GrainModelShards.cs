namespace Attune.Grains.Serving.Shards;

/// <summary>The serving path's fan-out: one ModelShardGrain call per shard, all in flight together.</summary>
public sealed class GrainModelShards(IGrainFactory grains) : IModelShards
{
    public Task<ShardSelection[]> SelectAsync(ServedModel served, int shardCount, ShardQuery query)
    {
        ArgumentNullException.ThrowIfNull(served);
        var calls = new Task<ShardSelection>[shardCount];
        for (int shard = 0; shard < shardCount; shard++)
        {
            calls[shard] = grains.GetGrain<IModelShardGrain>(ModelShardKey.For(served.SolutionVersionArn, shard, shardCount)).SelectAsync(query);
        }
        return Task.WhenAll(calls);
    }
}
