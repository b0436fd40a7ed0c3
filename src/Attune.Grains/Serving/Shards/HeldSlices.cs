using System.Collections.Concurrent;
using Attune.Recipes.Models;

namespace Attune.Grains.Serving.Shards;

/// <summary>The model slices this silo's shard grains hold now: what the model memory metrics report per process.</summary>
public sealed class HeldSlices
{
    private readonly ConcurrentDictionary<object, RecommendationModel> _slices = new(ReferenceEqualityComparer.Instance);

    public void Hold(object owner, RecommendationModel slice) => _slices[owner] = slice;

    public void Release(object owner) => _slices.TryRemove(owner, out _);

    public IEnumerable<RecommendationModel> Slices => _slices.Values;
}
