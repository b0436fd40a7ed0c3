using Attune.Contracts.Serving.Shards;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// A served model's shards (<see cref="ServedModel.ShardCount"/> of them): fans a query out to all of them, and
/// routes per-item questions (explanations, item vectors) to the shards that hold the items. Answers come back in
/// shard order or in the asked items' order.
/// </summary>
public interface IModelShards
{
    Task<ShardSelection[]> SelectAsync(ServedModel served, ShardQuery query);

    /// <summary>For each of <paramref name="items"/>, <paramref name="perItem"/> history items that explain it best (-1 where none).</summary>
    Task<int[]> ContributorsAsync(ServedModel served, ShardRequestHistory history, int[] items, int perItem);

    /// <summary>The vectors of <paramref name="items"/> (each <c>Model.VectorSize</c> long, one after the other).</summary>
    Task<float[]> VectorsAsync(ServedModel served, int[] items);
}
