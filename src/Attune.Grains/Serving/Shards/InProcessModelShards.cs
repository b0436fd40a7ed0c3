using System.Runtime.CompilerServices;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// The same shard scorers without grains: a single-shard model on the serving silo, and code that serves a model
/// outside a silo (the engine's unit tests, the load benchmark's in-process probe). One scorer set per loaded model.
/// </summary>
public sealed class InProcessModelShards : IModelShards
{
    private readonly ConditionalWeakTable<ServedModel, ShardScorer[]> _scorers = [];

    public async Task<ShardSelection[]> SelectAsync(ServedModel served, int shardCount, ShardQuery query)
    {
        ArgumentNullException.ThrowIfNull(served);
        var scorers = _scorers.GetValue(served, model => []);
        if (scorers.Length != shardCount)
        {
            scorers = [.. Enumerable.Range(0, shardCount).Select(i => new ShardScorer(served, new ShardRange(i, shardCount, served.ItemCount)))];
            _scorers.AddOrUpdate(served, scorers);
        }
        var selections = new ShardSelection[scorers.Length];
        for (int shard = 0; shard < scorers.Length; shard++)
        {
            selections[shard] = await scorers[shard].SelectAsync(query);
        }
        return selections;
    }
}
