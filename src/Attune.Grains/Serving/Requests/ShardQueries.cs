using Attune.Contracts.Serving.Shards;
using Attune.Grains.Serving.Shards;
using Attune.Recipes.Catalog;

namespace Attune.Grains.Serving;

/// <summary>
/// How a request asks the shards to score: by the user's history, by similarity to the query item, or by the model's
/// fixed scores; for a model held in slices with item vectors (factors), with the vector that stands for the user
/// (folded in here from vectors gathered from the shards that hold them) or for the related item.
/// </summary>
internal static class ShardQueries
{
    public static async Task<ShardQuery> ScoringAsync(ScoringPass pass, IModelShards shards)
    {
        var served = pass.Served;
        var scoring = served.Recipe.Type switch
        {
            RecipeType.RelatedItems => ShardScoring.Related,
            RecipeType.PopularItems => ShardScoring.Popularity,
            _ => ShardScoring.History,
        };
        var query = new ShardQuery
        {
            Scoring = scoring,
            Trending = served.IsTrending,
            QueryItem = pass.QueryItem,
            History = scoring == ShardScoring.History ? pass.ShardRequestHistory : ShardRequestHistory.Empty,
        };
        // A whole model (one shard) folds the user in itself, after its score cache missed.
        bool sliced = served.ShardCount > 1 && served.Model.VectorSize > 0;
        return !sliced ? query : scoring switch
        {
            ShardScoring.History => query with { QueryVector = await UserVectorAsync(pass, shards) },
            ShardScoring.Related when (uint)pass.QueryItem < (uint)served.ItemCount => query with { QueryVector = await shards.VectorsAsync(served, [pass.QueryItem]) },
            _ => query,
        };
    }

    /// <summary>The user's vector (zero when the history gives nothing, so the shards fall back to popularity), kept per history.</summary>
    private static async Task<float[]> UserVectorAsync(ScoringPass pass, IModelShards shards)
    {
        var derivations = pass.Derivations;
        if (derivations?.QueryVector is { } known)
        {
            return known;
        }
        var vector = await FoldInAsync(pass, shards);
        if (derivations is not null)
        {
            derivations.QueryVector = vector;
        }
        return vector;
    }

    private static async Task<float[]> FoldInAsync(ScoringPass pass, IModelShards shards)
    {
        var model = pass.Served.Model;
        var items = model.QueryVectorItems(pass.History);
        var vectors = await shards.VectorsAsync(pass.Served, items);
        var positions = new Dictionary<int, int>(items.Length);
        for (int at = 0; at < items.Length; at++)
        {
            positions[items[at]] = at;
        }
        int size = model.VectorSize;
        return model.QueryVector(pass.History, item => positions.TryGetValue(item, out int at) ? vectors.AsSpan(at * size, size) : []) ?? [];
    }
}
