namespace Attune.Contracts.Serving.Shards;

/// <summary>
/// A user's history (stored plus live, in the campaign's catalogue indices) as shards receive it: a shard holds no
/// users, so the campaign sends what to score. <see cref="Stamp"/> identifies it for the shards' score caches.
/// </summary>
[GenerateSerializer, Immutable, Alias("attune.ShardRequestHistory")]
public sealed class ShardRequestHistory
{
    public static readonly ShardRequestHistory Empty = new();

    /// <summary>Whose history (the cache key; null: an anonymous or empty history, never cached).</summary>
    [Id(0)]
    public string? UserId { get; init; }

    /// <summary>Identity of the history's content for <see cref="UserId"/>: the campaign's data watermark and live events.</summary>
    [Id(1)]
    public long Stamp { get; init; }

    [Id(2)]
    public int[] Items { get; init; } = [];

    [Id(3)]
    public int[] EventTypes { get; init; } = [];

    [Id(4)]
    public float[] EventValues { get; init; } = [];
}
