using System.Collections.Concurrent;
using Attune.Recipes.Catalog;
using Attune.Recipes.Models;

namespace Attune.Grains.Serving;

/// <summary>
/// One loaded solution version with everything a request needs, built once and shared by every campaign of this
/// process that serves the version: the model, id lookups, the popularity order, item and user metadata, the
/// users' histories and the item ages that exploration uses. A model served by several shards is held here as its
/// head only (ids, popularity, event weighting, what folds a user in); the shards hold the rest in slices.
/// </summary>
public sealed class ServedModel
{
    private readonly ConcurrentBag<RequestScratch> _scratch = [];

    private ServedCatalogue _catalogue;

    private ServedData _data;

    public ServedModel(string solutionVersionArn, RecommendationModel model, RecipeDefinition recipe, ServedData data, ServedCatalogue catalogue,
        int shardCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        SolutionVersionArn = solutionVersionArn;
        Model = model;
        Recipe = recipe;
        ShardCount = shardCount;
        _data = data;
        PopularOrder = [.. Enumerable.Range(0, model.ItemCount).OrderByDescending(i => model.Popularity[i]).ThenBy(i => i)];
        PopularityShareTotal = model.Popularity.Sum(p => 1 + Math.Max(0, (double)p));
        Derivations = new UserDerivationCache(DerivationCacheUsers);
    }

    /// <summary>
    /// Memory for cached per-user scores of one model, split over its shards: all users of a 10k-item catalogue, a few
    /// dozen of a million-item one. At most an eighth of the memory the process may use (a container's or GC heap
    /// limit), so a silo sized for its slices is not filled by caches.
    /// </summary>
    public static long ScoreCacheBytes { get; } = CacheBudget(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    private static long CacheBudget(long most, long available) => available > 0 ? Math.Min(most, available / 8) : most;

    private const int DerivationCacheUsers = 100_000;

    public string SolutionVersionArn { get; }

    /// <summary>The whole model (one shard), or its head when <see cref="ShardCount"/> shards hold it in slices.</summary>
    public RecommendationModel Model { get; }

    /// <summary>How many shards score the model (<see cref="ServingOptions.Shards"/>, fewer for small catalogues).</summary>
    public int ShardCount { get; }

    public RecipeDefinition Recipe { get; }

    /// <summary>The interactions served, replaced without their users' histories after a data deletion job.</summary>
    public ServedData Data
    {
        get => Volatile.Read(ref _data);
        internal set => Volatile.Write(ref _data, value);
    }

    public int ItemCount => Model.ItemCount;

    /// <summary>The items and users as of the latest PutItems/PutUsers; a request reads it once and keeps that one.</summary>
    public ServedCatalogue Catalogue
    {
        get => Volatile.Read(ref _catalogue);
        internal set => Volatile.Write(ref _catalogue, value);
    }

    /// <summary>Item indices by popularity, most popular first (ties to the lower index).</summary>
    public int[] PopularOrder { get; }

    /// <summary>Σ (1 + popularity): a cold user's score for item i is (1 + popularity_i) / this.</summary>
    public double PopularityShareTotal { get; }

    /// <summary>True for trending-now, whose popularity scores are growth, not counts.</summary>
    public bool IsTrending => Recipe.Name.Contains("trending", StringComparison.Ordinal);

    internal UserDerivationCache Derivations { get; }

    /// <summary>Pooled working memory for a catalogue of <paramref name="itemCount"/> items (the pool drops memory of an older size).</summary>
    internal RequestScratch RentScratch(int itemCount)
    {
        while (_scratch.TryTake(out var scratch))
        {
            if (scratch.ItemCount == itemCount)
            {
                return scratch;
            }
        }
        return new RequestScratch(itemCount);
    }

    internal void ReturnScratch(RequestScratch scratch) => _scratch.Add(scratch);
}
