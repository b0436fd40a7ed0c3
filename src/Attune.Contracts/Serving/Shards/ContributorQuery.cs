namespace Attune.Contracts.Serving.Shards;

/// <summary>Which history items explain each of <see cref="Items"/> (items the asked shard holds), <see cref="PerItem"/> each.</summary>
[GenerateSerializer, Immutable, Alias("attune.ContributorQuery")]
public sealed class ContributorQuery
{
    [Id(0)]
    public required ShardRequestHistory History { get; init; }

    [Id(1)]
    public required int[] Items { get; init; }

    [Id(2)]
    public required int PerItem { get; init; }
}
