using System.Runtime.CompilerServices;
using Attune.Contracts.Serving.Shards;
using Attune.Recipes.Models;
using Attune.Storage.Artifacts;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// The same shard scorers without grains: a single-shard model on the serving silo (over the campaign's whole
/// model), and code that serves a model outside a silo (the engine's tests, the load benchmark's in-process probe),
/// where a model of several shards is read as slices from its artifact as the shard grains read it.
/// </summary>
public sealed class InProcessModelShards(IModelArtifacts? artifacts = null) : ModelShards
{
    private readonly ConditionalWeakTable<ServedModel, Lazy<ShardScorer[]>> _scorers = [];

    protected override Task<ShardSelection> SelectAsync(ServedModel served, int shard, ShardQuery query)
        => Task.FromResult(ScorerOf(served, shard).Select(query));

    protected override Task<int[]> ContributorsAsync(ServedModel served, int shard, ContributorQuery query)
        => Task.FromResult(ScorerOf(served, shard).Contributors(query));

    protected override Task<float[]> VectorsAsync(ServedModel served, int shard, int[] items)
        => Task.FromResult(ScorerOf(served, shard).Vectors(items));

    private ShardScorer ScorerOf(ServedModel served, int shard)
        => _scorers.GetValue(served, model => new Lazy<ShardScorer[]>(() => Load(model))).Value[shard];

    private ShardScorer[] Load(ServedModel served)
    {
        var ranges = Enumerable.Range(0, served.ShardCount).Select(i => new ShardRange(i, served.ShardCount, served.ItemCount));
        if (served.Model.Held == HeldItems.All(served.ItemCount))
        {
            return [.. ranges.Select(range => new ShardScorer(served.Model, range))];
        }
        if (artifacts is null)
        {
            throw new InvalidOperationException($"The model {served.SolutionVersionArn} is served in slices; reading them needs the model artifacts.");
        }
        return [.. ranges.Select(range => new ShardScorer(ModelSlices.Read(artifacts, served.SolutionVersionArn, range.Index, range.Count), range))];
    }
}
