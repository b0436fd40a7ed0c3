using Attune.Contracts.Events;
using Attune.Filters;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// What a campaign asks every shard of its model: score your items for this history and return your best. The
/// filters arrive evaluated (bit sets over the whole catalogue), so shards need neither the filter nor the user's
/// attributes. Immutable: on the same silo it is passed by reference to all shards at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("attune.ShardQuery")]
public sealed class ShardQuery
{
    /// <summary>Whose stored history to score (null: none).</summary>
    [Id(0)]
    public string? UserId { get; init; }

    /// <summary>Live events committed after the model's data, appended to the stored history.</summary>
    [Id(1)]
    public LiveEvent[] LiveEvents { get; init; } = [];

    /// <summary>The related-items query item (model index), never returned; -1 when none.</summary>
    [Id(2)]
    public int QueryItem { get; init; } = -1;

    /// <summary>Items the request filter allows; null allows all.</summary>
    [Id(3)]
    public BitSet? Allowed { get; init; }

    /// <summary>Items the promotion filter allows; null allows all.</summary>
    [Id(4)]
    public BitSet? PromotionAllowed { get; init; }

    /// <summary>Items under exploration: left out of <see cref="ShardSelection.Main"/> (the campaign ranks them itself).</summary>
    [Id(5)]
    public BitSet? Exploration { get; init; }

    /// <summary>Model items whose raw scores to return whatever their rank (explored items and new items' neighbours).</summary>
    [Id(6)]
    public int[] ScoredItems { get; init; } = [];

    [Id(7)]
    public int MainCount { get; init; }

    [Id(8)]
    public int PromotionCount { get; init; }

    /// <summary>The put-log watermark of the campaign's model: <see cref="LiveEvents"/> are the user's events after it.</summary>
    [Id(9)]
    public long LiveWatermark { get; init; }
}
