using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Attune.Contracts.Serving;
using Attune.Contracts.Serving.Shards;
using Attune.Grains.Diagnostics;
using Attune.Recipes.Models;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// The work of one model shard over the part of the model it holds (the whole model, or its slice when the model is
/// spread over silos): scores its item range for a query's history (or from the user's cached scores), selects its
/// best candidates in bounded heaps and returns its part of the softmax normalizer; names the history items behind
/// its items' scores; hands out its items' vectors. Thread-safe, so one scorer serves every caller of its shard.
/// </summary>
public sealed class ShardScorer
{
    private readonly RecommendationModel _model;
    private readonly RangeScoreCache _cache;
    private readonly ConcurrentBag<float[]> _scratch = [];

    /// <param name="model">The model or a slice holding at least <paramref name="range"/>'s items.</param>
    /// <param name="range">The items it scores.</param>
    public ShardScorer(RecommendationModel model, ShardRange range)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.Held.Covers(range.Start, range.Length))
        {
            throw new ArgumentException($"The model holds items [{model.Held.Start}, {model.Held.End}), not the shard's [{range.Start}, {range.End}).", nameof(model));
        }
        _model = model;
        Range = range;
        _cache = new RangeScoreCache(range.Length, ServedModel.ScoreCacheBytes / range.Count);
    }

    public ShardRange Range { get; }

    public ShardSelection Select(ShardQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var activity = AttuneActivities.Source.StartActivity("shard.select");
        activity?.SetTag("attune.shard", Range.Index);
        activity?.SetTag("attune.shards", Range.Count);
        var history = query.History;
        bool cacheable = query.Scoring == ShardScoring.History && history.UserId is not null;
        if (cacheable && _cache.TryGet(history.UserId!, history.Stamp, out var cached))
        {
            activity?.SetTag("attune.cached_scores", true);
            return Choose(query, cached.Scores, ScoreBasis.History, cached.Max, cached.SumExp);
        }
        var scratch = _scratch.TryTake(out var rented) ? rented : new float[Range.Length];
        try
        {
            var scores = scratch.AsSpan(0, Range.Length);
            var basis = Score(query, scores);
            float max = scores.IsEmpty ? float.NegativeInfinity : TensorPrimitives.Max(scores);
            double sumExp = basis == ScoreBasis.History ? Softmax.SumExp(scores, max) : 0;
            if (cacheable && basis == ScoreBasis.History)
            {
                _cache.Add(history.UserId!, history.Stamp, scores, max, sumExp);
            }
            return Choose(query, scratch, basis, max, sumExp);
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    /// <summary>The history items that added most to each asked-for item's score (items of this shard), -1 where none.</summary>
    public int[] Contributors(ContributorQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var contributors = new int[query.Items.Length * query.PerItem];
        _model.TopContributors(query.History.ToUserHistory(), query.Items, query.PerItem, contributors);
        return contributors;
    }

    /// <summary>The vectors of <paramref name="items"/> (items of this shard), one after the other; empty for models without vectors.</summary>
    public float[] Vectors(int[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int size = _model.VectorSize;
        var vectors = new float[items.Length * size];
        for (int at = 0; at < items.Length; at++)
        {
            _model.TryCopyVector(items[at], vectors.AsSpan(at * size, size));
        }
        return vectors;
    }

    private ScoreBasis Score(ShardQuery query, Span<float> scores)
    {
        switch (query.Scoring)
        {
            case ShardScoring.Related:
                return query.QueryItem >= 0 && _model.TryScoreSimilarRange(query.QueryItem, Range.Start, scores, query.QueryVector)
                    ? ScoreBasis.Related
                    : PopularBasis(query, scores);
            case ShardScoring.Popularity:
                return PopularBasis(query, scores);
            default:
                return _model.TryScoreRange(query.History.ToUserHistory(), Range.Start, scores, query.QueryVector)
                    ? ScoreBasis.History
                    : PopularBasis(query, scores);
        }
    }

    private ScoreBasis PopularBasis(ShardQuery query, Span<float> scores)
    {
        _model.Popularity.AsSpan(Range.Start, Range.Length).CopyTo(scores);
        return query.Trending ? ScoreBasis.Trending : ScoreBasis.Popular;
    }

    private ShardSelection Choose(ShardQuery query, float[] scores, ScoreBasis basis, float max, double sumExp)
    {
        var span = scores.AsSpan(0, Range.Length);
        var (main, mainScores) = Top(span, new ShardCandidates(query.Allowed, query.QueryItem, Range.Start), query.MainCount);
        var (promoted, promotedScores) = Top(span, new ShardCandidates(query.PromotionAllowed, query.QueryItem, Range.Start), query.PromotionCount);
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
            MainContributors = query.ExplainPerItem > 0 && basis == ScoreBasis.History ? MainContributors(query, main) : [],
        };
    }

    /// <summary>The same contributors <see cref="Contributors"/> names, for the shard's main items.</summary>
    private int[] MainContributors(ShardQuery query, int[] main)
    {
        var contributors = new int[main.Length * query.ExplainPerItem];
        _model.TopContributors(query.History.ToUserHistory(), main, query.ExplainPerItem, contributors);
        return contributors;
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
