namespace Attune.Contracts.Serving.Shards;

/// <summary>
/// One shard's answer: its best items (model indices, best first, with raw scores), the raw scores of the asked-for
/// items it holds, and its part of the softmax normalizer (Σ exp(score − <see cref="Max"/>) over its items).
/// </summary>
[GenerateSerializer, Immutable, Alias("attune.ShardSelection")]
public sealed class ShardSelection
{
    [Id(0)]
    public required ScoreBasis Basis { get; init; }

    [Id(1)]
    public required int[] Main { get; init; }

    [Id(2)]
    public required float[] MainScores { get; init; }

    [Id(3)]
    public required int[] Promoted { get; init; }

    [Id(4)]
    public required float[] PromotedScores { get; init; }

    /// <summary>Aligned with <see cref="ShardQuery.ScoredItems"/>; NaN for items outside this shard.</summary>
    [Id(5)]
    public required float[] ScoredItemScores { get; init; }

    /// <summary>The highest raw score of the shard's items (−∞ for an empty shard).</summary>
    [Id(6)]
    public required float Max { get; init; }

    [Id(7)]
    public required double SumExp { get; init; }

    /// <summary>
    /// <see cref="ShardQuery.ExplainPerItem"/> history items behind each of <see cref="Main"/> (-1 where none), one
    /// item after the other; empty when not asked or when the basis is not the history.
    /// </summary>
    [Id(8)]
    public int[] MainContributors { get; init; } = [];
}
