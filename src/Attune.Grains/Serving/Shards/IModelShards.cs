namespace Attune.Grains.Serving.Shards;

/// <summary>Fans a query out to the shards of a served model and returns their selections in shard order.</summary>
public interface IModelShards
{
    Task<ShardSelection[]> SelectAsync(ServedModel served, int shardCount, ShardQuery query);
}
