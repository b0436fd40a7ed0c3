using Attune.Filters;

namespace Attune.Contracts.Serving.Shards;

/// <summary>
/// What a campaign asks every shard of its model: score your items for this history and return your best. The
/// history and the filters arrive evaluated (bit sets over the whole catalogue), so shards need neither the users,
/// the filter nor the user's attributes: only their slice of the model.
/// Immutable: on the same silo it is passed by reference to all shards at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("attune.ShardQuery")]
public sealed record ShardQuery
{
    [Id(12)]
    public ShardScoring Scoring { get; init; }

    /// <summary>True for trending-now: popularity scores are growth (the basis says Trending).</summary>
    [Id(13)]
    public bool Trending { get; init; }

    /// <summary>The history to score by (<see cref="ShardScoring.History"/>).</summary>
    [Id(10)]
    public ShardRequestHistory History { get; init; } = ShardRequestHistory.Empty;

    /// <summary>
    /// For a model spread over slices with item vectors (factors): the user's folded-in vector, or the related item's
    /// vector; empty when the shard's model is whole and works it out itself.
    /// </summary>
    [Id(11)]
    public float[] QueryVector { get; init; } = [];

    /// <summary>The related-items query item (model index), never returned; -1 when none.</summary>
    [Id(2)]
    public int QueryItem { get; init; } = -1;

    /// <summary>Items the request filter allows; null allows all.</summary>
    [Id(3)]
    public BitSet? Allowed { get; init; }

    /// <summary>Items the promotion filter allows; null allows all.</summary>
    [Id(4)]
    public BitSet? PromotionAllowed { get; init; }

    /// <summary>
    /// Model items whose raw scores to return whatever their rank: the exploration pool's items and new items'
    /// neighbours (bounded by the pool's size, not by how many items are young).
    /// </summary>
    [Id(6)]
    public int[] ScoredItems { get; init; } = [];

    [Id(7)]
    public int MainCount { get; init; }

    /// <summary>
    /// For a history-based selection: how many history items to name behind each main item, returned with the
    /// selection so a request needs no second fan-out for its explanations; 0 when the campaign has them already.
    /// </summary>
    [Id(14)]
    public int ExplainPerItem { get; init; }

    [Id(8)]
    public int PromotionCount { get; init; }
}
