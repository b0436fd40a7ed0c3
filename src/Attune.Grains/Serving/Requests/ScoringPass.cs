using Attune.Contracts.Live;
using Attune.Contracts.Serving;
using Attune.Contracts.Serving.Shards;
using Attune.Filters;
using Attune.Grains.Serving.Shards;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;

namespace Attune.Grains.Serving;

/// <summary>
/// One request against a deployment, in pooled memory: the user's history (stored plus live), attributes and
/// filters evaluated into reusable bit sets, and what its scores are based on. Dispose returns the memory.
/// </summary>
internal sealed class ScoringPass : IDisposable
{
    private readonly RequestScratch _scratch;
    private readonly RequestHistory _history;
    private readonly int _userRow;
    private readonly int? _interactionsPerEventType;
    private float _logNormalizer;
    private ShardRequestHistory? _shardHistory;
    private UserDerivations? _derivations;
    private bool _derivationsLooked;

    /// <summary>A pass over the user's stored and live history; Interactions filters read its newest <paramref name="interactionsPerEventType"/> of each type, or all of it when null.</summary>
    public ScoringPass(Deployment deployment, string? userId, string? itemId, LiveEvent[] liveEvents, int? interactionsPerEventType)
    {
        Deployment = deployment;
        Served = deployment.Model;
        Catalogue = Served.Catalogue;
        _scratch = Served.RentScratch(Catalogue.Count);
        UserId = userId;
        LiveEvents = liveEvents;
        _history = RequestHistory.Of(Served, Catalogue, userId, liveEvents);
        _interactionsPerEventType = interactionsPerEventType;
        _userRow = userId is not null && Catalogue.UserRows.TryGetValue(userId, out var row) ? row : -1;
        QueryItem = itemId is not null && Catalogue.ItemIndex.TryGetValue(itemId, out var item) ? item : -1;
        Exploration = deployment.ExplorationIn(Catalogue);
    }

    public Deployment Deployment { get; }

    public ServedModel Served { get; }

    /// <summary>The items and users as this request found them (a PutItems meanwhile affects the next request).</summary>
    public ServedCatalogue Catalogue { get; }

    public ExplorationCandidates Exploration { get; }

    public string? UserId { get; }

    /// <summary>The user's events committed after the model's data (the shards append them to the stored history).</summary>
    public LiveEvent[] LiveEvents { get; }

    public int QueryItem { get; }

    public ScoreBasis Basis { get; private set; }

    public ModelHistory History => _history.History;

    public RequestScratch Scratch => _scratch;

    /// <summary>Identity of the history the scores came from: this copy's data watermark and the live events.</summary>
    public long LiveStamp => Serving.LiveStamp.Of(Served.Data.LiveWatermark, LiveEvents, Served.Data.DeletionWatermark);

    /// <summary>What earlier requests derived from this user's history (null: anonymous, or no room to keep it).</summary>
    public UserDerivations? Derivations
    {
        get
        {
            if (!_derivationsLooked)
            {
                _derivations = UserId is null ? null : Served.Derivations.For(UserId, LiveStamp);
                _derivationsLooked = true;
            }
            return _derivations;
        }
    }

    /// <summary>The history as the shards receive it (built on first use).</summary>
    public ShardRequestHistory ShardRequestHistory => _shardHistory ??= History.ToShardHistory(UserId, LiveStamp);

    /// <summary>Records what the scores (computed here or on the shards) are based on and their softmax normalizer.</summary>
    public void UseScores(ScoreBasis basis, float logNormalizer)
    {
        Basis = basis;
        _logNormalizer = logNormalizer;
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
        double popularity = item < Served.ItemCount ? Math.Max(0, Served.Model.Popularity[item]) : 0;
        return Basis == ScoreBasis.History ? Math.Exp(rawScore - _logNormalizer) : (1 + popularity) / Served.PopularityShareTotal;
    }

    /// <summary>The bit set of items the filter allows, or null when it allows everything.</summary>
    public BitSet? Evaluate(BoundFilter? filter, BitSet target)
    {
        if (filter is null || filter.AllowsEverything)
        {
            return null;
        }
        var context = new FilterContext(Catalogue.Items.Table)
        {
            Interactions = _history.NewestFirst.Span,
            InteractionsPerEventType = _interactionsPerEventType,
            CurrentUser = _userRow >= 0 ? new AttributeRow(Catalogue.Users.Table, _userRow) : default,
            CurrentItem = QueryItem >= 0 ? new AttributeRow(Catalogue.Items.Table, QueryItem) : default,
        };
        filter.Evaluate(context, target);
        return target;
    }

    public void Dispose() => Served.ReturnScratch(_scratch);
}
