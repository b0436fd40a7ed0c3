using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Attune.Contracts.Events;
using Attune.Grains.Live;
using Attune.Recipes.Catalog;
using Attune.Recipes.Models;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// The work of one model shard: scores its item range for a query's history (or from the user's cached scores),
/// selects its best candidates in bounded heaps, and returns its part of the softmax normalizer. Thread-safe, so
/// one scorer serves every caller of its shard.
/// </summary>
public sealed class ShardScorer
{
    private readonly ServedModel _served;
    private readonly ILiveHistories? _live;
    private readonly RangeScoreCache _cache;
    private readonly ConcurrentBag<float[]> _scratch = [];

    /// <param name="served">This shard's copy of the model and its data.</param>
    /// <param name="range">The items it scores.</param>
    /// <param name="live">Where to read a user's live events when this copy's data is older than the campaign's (another silo's load).</param>
    public ShardScorer(ServedModel served, ShardRange range, ILiveHistories? live = null)
    {
        ArgumentNullException.ThrowIfNull(served);
        _served = served;
        _live = live;
        Range = range;
        _cache = new RangeScoreCache(range.Length, ServedModel.ScoreCacheBytes / range.Count);
    }

    public ShardRange Range { get; }

    public async ValueTask<ShardSelection> SelectAsync(ShardQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        bool personal = _served.Recipe.Type is RecipeType.UserPersonalization or RecipeType.PersonalizedRanking && query.UserId is not null;
        var live = personal ? await LiveEventsAsync(query) : [];
        long stamp = LiveStamp.Of(live);
        if (personal && _cache.TryGet(query.UserId!, stamp, out var cached))
        {
            return Choose(query, cached.Scores, ScoreBasis.History, cached.Max, cached.SumExp);
        }
        var scratch = _scratch.TryTake(out var rented) ? rented : new float[Range.Length];
        try
        {
            var scores = scratch.AsSpan(0, Range.Length);
            var basis = Score(query, live, scores);
            float max = scores.IsEmpty ? float.NegativeInfinity : TensorPrimitives.Max(scores);
            double sumExp = basis == ScoreBasis.History ? Softmax.SumExp(scores, max) : 0;
            if (personal && basis == ScoreBasis.History)
            {
                _cache.Add(query.UserId!, stamp, scores, max, sumExp);
            }
            return Choose(query, scratch, basis, max, sumExp);
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    /// <summary>
    /// The user's live events relative to this copy's data. Copies loaded at different times hold different put-log
    /// watermarks: events this copy already stores are dropped, events it lacks are read from the user's grain.
    /// </summary>
    private async ValueTask<LiveEvent[]> LiveEventsAsync(ShardQuery query)
    {
        long own = _served.Data.LiveWatermark;
        if (own == query.LiveWatermark)
        {
            return query.LiveEvents;
        }
        if (own > query.LiveWatermark || _live is null)
        {
            return [.. query.LiveEvents.Where(e => e.Sequence > own)];
        }
        return await _live.ReadAsync(_served.Data.DatasetGroupArn, query.UserId!, own);
    }

    private ScoreBasis Score(ShardQuery query, LiveEvent[] live, Span<float> scores)
    {
        var model = _served.Model;
        switch (_served.Recipe.Type)
        {
            case RecipeType.RelatedItems:
                return query.QueryItem >= 0 && model.TryScoreSimilarRange(query.QueryItem, Range.Start, scores) ? ScoreBasis.Related : PopularBasis(scores);
            case RecipeType.PopularItems:
                return PopularBasis(scores);
            default:
                var history = LiveHistory.Of(_served, _served.Catalogue, query.UserId, live).History;
                return model.TryScoreRange(history, Range.Start, scores) ? ScoreBasis.History : PopularBasis(scores);
        }
    }

    private ScoreBasis PopularBasis(Span<float> scores)
    {
        _served.Model.Popularity.AsSpan(Range.Start, Range.Length).CopyTo(scores);
        return _served.IsTrending ? ScoreBasis.Trending : ScoreBasis.Popular;
    }

    private ShardSelection Choose(ShardQuery query, float[] scores, ScoreBasis basis, float max, double sumExp)
    {
        var span = scores.AsSpan(0, Range.Length);
        var (main, mainScores) = Top(span, new ShardCandidates(query.Allowed, query.Exploration, query.QueryItem, Range.Start), query.MainCount);
        var (promoted, promotedScores) = Top(span, new ShardCandidates(query.PromotionAllowed, null, query.QueryItem, Range.Start), query.PromotionCount);
        var scored = new float[query.ScoredItems.Length];
        for (int at = 0; at < scored.Length; at++)
        {
            int local = query.ScoredItems[at] - Range.Start;
            scored[at] = (uint)local < (uint)Range.Length ? span[local] : float.NaN;
        }
        return new ShardSelection
        {
            Basis = basis,
            Main = main,
            MainScores = mainScores,
            Promoted = promoted,
            PromotedScores = promotedScores,
            ScoredItemScores = scored,
            Max = max,
            SumExp = sumExp,
        };
    }

    private (int[] Items, float[] Scores) Top(ReadOnlySpan<float> scores, ShardCandidates candidates, int count)
    {
        if (count <= 0 || scores.IsEmpty)
        {
            return ([], []);
        }
        Span<int> found = count <= 512 ? stackalloc int[count] : new int[count];
        int n = TopK.Select(scores, 0, scores.Length, candidates, found);
        var items = new int[n];
        var values = new float[n];
        for (int i = 0; i < n; i++)
        {
            items[i] = found[i] + Range.Start;
            values[i] = scores[found[i]];
        }
        return (items, values);
    }
}
