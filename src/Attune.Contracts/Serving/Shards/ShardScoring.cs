namespace Attune.Contracts.Serving.Shards;

/// <summary>What a shard scores its items by, as the campaign's recipe decides.</summary>
public enum ShardScoring
{
    /// <summary>The user's history (personalization, ranking); popularity when the history gives nothing.</summary>
    History,

    /// <summary>Similarity to <see cref="ShardQuery.QueryItem"/> (related items).</summary>
    Related,

    /// <summary>The model's fixed scores (popularity-count, trending-now).</summary>
    Popularity,
}
