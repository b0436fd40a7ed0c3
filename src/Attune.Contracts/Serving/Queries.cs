namespace Attune.Contracts.Serving;

/// <summary>A GetRecommendations request, members as the wire names them.</summary>
[GenerateSerializer, Immutable, Alias("attune.RecommendationQuery")]
public sealed record RecommendationQuery
{
    public const int DefaultNumResults = 25;
    public const int MaxNumResults = 500;
    public const int MaxNumResultsWithMetadata = 50;

    [Id(0)]
    public required string CampaignArn { get; init; }

    [Id(1)]
    public string? UserId { get; init; }

    [Id(2)]
    public string? ItemId { get; init; }

    [Id(3)]
    public int NumResults { get; init; } = DefaultNumResults;

    [Id(4)]
    public string? FilterArn { get; init; }

    [Id(5)]
    public IReadOnlyDictionary<string, string>? FilterValues { get; init; }

    [Id(6)]
    public PromotionQuery? Promotion { get; init; }

    /// <summary>metadataColumns["ITEMS"]: columns to return with each item, or null.</summary>
    [Id(7)]
    public IReadOnlyList<string>? MetadataColumns { get; init; }

    /// <summary>context: contextual metadata column → value (e.g. DEVICE → mobile), or null.</summary>
    [Id(10)]
    public IReadOnlyDictionary<string, string>? Context { get; init; }
}

/// <summary>promotions[0] of a GetRecommendations request.</summary>
[GenerateSerializer, Immutable, Alias("attune.PromotionQuery")]
public sealed record PromotionQuery(
    [property: Id(0)] string? Name,
    [property: Id(1)] int PercentPromotedItems,
    [property: Id(2)] string? FilterArn,
    [property: Id(3)] IReadOnlyDictionary<string, string>? FilterValues);

/// <summary>A GetPersonalizedRanking request.</summary>
[GenerateSerializer, Immutable, Alias("attune.RankingQuery")]
public sealed record RankingQuery
{
    [Id(0)]
    public required string CampaignArn { get; init; }

    [Id(1)]
    public required string UserId { get; init; }

    [Id(2)]
    public required IReadOnlyList<string> InputList { get; init; }

    [Id(3)]
    public string? FilterArn { get; init; }

    [Id(4)]
    public IReadOnlyDictionary<string, string>? FilterValues { get; init; }

    [Id(5)]
    public IReadOnlyList<string>? MetadataColumns { get; init; }

    /// <summary>context: contextual metadata column → value (e.g. DEVICE → mobile), or null.</summary>
    [Id(10)]
    public IReadOnlyDictionary<string, string>? Context { get; init; }
}
