using System.Numerics.Tensors;
using Attune.Filters;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;

namespace Attune.Grains.Serving;

/// <summary>
/// One request's scores over a deployment's catalogue, in pooled memory: the user's history and attributes looked
/// up once, scores computed once, filters evaluated into reusable bit sets. Dispose returns the memory.
/// </summary>
internal sealed class ScoringPass : IDisposable
{
    private readonly RequestScratch _scratch;
    private readonly List<int> _excluded = [];
    private readonly UserHistory _history;
    private readonly ReadOnlyMemory<RecentInteraction> _recent;
    private readonly int _userRow;
    private readonly string? _userId;
    private float _logNormalizer;

    public ScoringPass(Deployment deployment, string? userId, string? itemId)
    {
        Deployment = deployment;
        Served = deployment.Model;
        _scratch = Served.RentScratch();
        _userId = userId;
        Served.Data.Histories.TryGet(userId, out _history, out _recent);
        _userRow = userId is not null && Served.Data.UserRows.TryGetValue(userId, out var row) ? row : -1;
        QueryItem = itemId is not null && Served.ItemIndex.TryGetValue(itemId, out var item) ? item : -1;
    }

    public Deployment Deployment { get; }

    public ServedModel Served { get; }

    public int QueryItem { get; }

    public ScoreBasis Basis { get; private set; }

    /// <summary>The user's cache entry when the scores came from (or went into) the cache.</summary>
    public CachedScores? Cached { get; private set; }

    public UserHistory History => _history;

    /// <summary>Scores as ranked: raw model scores, plus exploration bonuses once <see cref="AddExploration"/> ran.</summary>
    public float[] Scores => _scratch.Scores;

    public BitSet Excluded => _scratch.Excluded;

    public RequestScratch Scratch => _scratch;

    /// <summary>Scores every item the way the campaign's recipe ranks, and remembers the softmax normalizer.</summary>
    public void Score()
    {
        var model = Served.Model;
        var scores = _scratch.Scores.AsSpan(0, Served.ItemCount);
        bool personal = Served.Recipe.Type is RecipeType.UserPersonalization or RecipeType.PersonalizedRanking && _history.Length > 0;
        if (personal && Served.Scores.TryGet(_userId!, out var cached))
        {
            cached.Scores.CopyTo(scores);
            _logNormalizer = cached.LogNormalizer;
            Basis = ScoreBasis.History;
            Cached = cached;
            return;
        }
        Basis = Served.Recipe.Type switch
        {
            RecipeType.RelatedItems => model.TryScoreSimilar(QueryItem, scores) ? ScoreBasis.Related : PopularBasis(),
            RecipeType.PopularItems => PopularBasis(),
            _ => model.TryScore(_history, scores) ? ScoreBasis.History : ScoreBasis.Popular,
        };
        if (Basis == ScoreBasis.Popular || Basis == ScoreBasis.Trending)
        {
            model.Popularity.CopyTo(scores);
        }
        if (Basis == ScoreBasis.History)
        {
            _logNormalizer = Softmax.LogNormalizer(scores);
            Cached = Served.Scores.Add(_userId!, scores, _logNormalizer);
        }
    }

    /// <summary>
    /// Personalize's score of an item: the softmax over the catalogue of history scores, a cold user's share of
    /// popularity; null for recipes that give no scores (popularity-count, trending, SIMS, similar items).
    /// </summary>
    public double? ReportedScore(int item, float rawScore)
    {
        if (Served.Recipe.Type is RecipeType.PopularItems or RecipeType.RelatedItems)
        {
            return null;
        }
        return Basis == ScoreBasis.History
            ? Math.Exp(rawScore - _logNormalizer)
            : (1 + Math.Max(0, (double)Served.Model.Popularity[item])) / Served.PopularityShareTotal;
    }

    /// <summary>The bit set of items the filter allows, or null when it allows everything.</summary>
    public BitSet? Evaluate(BoundFilter? filter, BitSet target)
    {
        if (filter is null || filter.AllowsEverything)
        {
            return null;
        }
        var context = new FilterContext(Served.Data.Items.Table)
        {
            Interactions = _recent.Span,
            CurrentUser = _userRow >= 0 ? new AttributeRow(Served.Data.Users.Table, _userRow) : default,
            CurrentItem = QueryItem >= 0 ? new AttributeRow(Served.Data.Items.Table, QueryItem) : default,
        };
        filter.Evaluate(context, target);
        return target;
    }

    public void Exclude(int item)
    {
        if (!_scratch.Excluded.Contains(item))
        {
            _scratch.Excluded.Add(item);
            _excluded.Add(item);
        }
    }

    /// <summary>
    /// Adds each young item's bonus: weight × the best score × novelty × a random factor in [0.5, 1.5), so new items
    /// surface now and then without crowding out what the user likes. Returns the bonuses by exploration slot.
    /// </summary>
    public float[] AddExploration(Random random)
    {
        var exploration = Deployment.Exploration;
        var bonuses = _scratch.Bonuses(exploration.Items.Length);
        if (exploration.Items.Length == 0)
        {
            return bonuses;
        }
        var scores = _scratch.Scores.AsSpan(0, Served.ItemCount);
        float scale = Math.Max(Math.Abs(TensorPrimitives.Max(scores)), float.Epsilon);
        float weight = Deployment.Settings.ExplorationWeight;
        for (int slot = 0; slot < exploration.Items.Length; slot++)
        {
            float bonus = weight * scale * exploration.Novelty[slot] * (0.5f + random.NextSingle());
            bonuses[slot] = bonus;
            scores[exploration.Items[slot]] += bonus;
        }
        return bonuses;
    }

    public void Dispose()
    {
        foreach (var item in _excluded)
        {
            _scratch.Excluded.Remove(item);
        }
        Served.ReturnScratch(_scratch);
    }

    private ScoreBasis PopularBasis() => Served.IsTrending ? ScoreBasis.Trending : ScoreBasis.Popular;
}

/// <summary>What a pass's scores are based on.</summary>
internal enum ScoreBasis
{
    History,
    Popular,
    Trending,
    Related,
}
