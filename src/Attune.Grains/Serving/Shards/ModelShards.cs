using Attune.Contracts.Serving.Shards;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// The fan-out and routing every <see cref="IModelShards"/> shares; subclasses say how one shard is asked (a grain
/// call, or a scorer in this process).
/// </summary>
public abstract class ModelShards : IModelShards
{
    public Task<ShardSelection[]> SelectAsync(ServedModel served, ShardQuery query)
    {
        ArgumentNullException.ThrowIfNull(served);
        var calls = new Task<ShardSelection>[served.ShardCount];
        for (int shard = 0; shard < calls.Length; shard++)
        {
            calls[shard] = SelectAsync(served, shard, query);
        }
        return Task.WhenAll(calls);
    }

    public async Task<int[]> ContributorsAsync(ServedModel served, ShardRequestHistory history, int[] items, int perItem)
    {
        ArgumentNullException.ThrowIfNull(items);
        var contributors = new int[items.Length * perItem];
        await RouteAsync(served, items,
            (shard, owned) => ContributorsAsync(served, shard, new ContributorQuery { History = history, Items = owned, PerItem = perItem }),
            (answer, from, to) => answer.AsSpan(from * perItem, perItem).CopyTo(contributors.AsSpan(to * perItem)));
        return contributors;
    }

    public async Task<float[]> VectorsAsync(ServedModel served, int[] items)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(items);
        int size = served.Model.VectorSize;
        var vectors = new float[items.Length * size];
        await RouteAsync(served, items, (shard, owned) => VectorsAsync(served, shard, owned),
            (answer, from, to) => answer.AsSpan(from * size, size).CopyTo(vectors.AsSpan(to * size)));
        return vectors;
    }

    protected abstract Task<ShardSelection> SelectAsync(ServedModel served, int shard, ShardQuery query);

    protected abstract Task<int[]> ContributorsAsync(ServedModel served, int shard, ContributorQuery query);

    protected abstract Task<float[]> VectorsAsync(ServedModel served, int shard, int[] items);

    /// <summary>
    /// Asks each shard about the items it holds (model items only), all shards at once, and hands each answer's
    /// entries back with their position in the shard's list and in <paramref name="items"/>.
    /// </summary>
    private static async Task RouteAsync<T>(ServedModel served, int[] items, Func<int, int[], Task<T[]>> ask, Action<T[], int, int> place)
    {
        var owned = new List<int>[served.ShardCount];
        for (int at = 0; at < items.Length; at++)
        {
            if ((uint)items[at] < (uint)served.ItemCount)
            {
                int shard = ShardRange.IndexOf(items[at], served.ShardCount, served.ItemCount);
                (owned[shard] ??= []).Add(at);
            }
        }
        var asked = Enumerable.Range(0, owned.Length).Where(s => owned[s] is not null).ToArray();
        var answers = await Task.WhenAll(asked.Select(s => ask(s, [.. owned[s].Select(at => items[at])])));
        for (int a = 0; a < asked.Length; a++)
        {
            var positions = owned[asked[a]];
            for (int from = 0; from < positions.Count; from++)
            {
                place(answers[a], from, positions[from]);
            }
        }
    }
}
