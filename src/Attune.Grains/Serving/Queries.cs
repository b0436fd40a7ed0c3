namespace Attune.Grains.Serving;

/// <summary>A GetRecommendations request, members as the wire names them.</summary>
public sealed record RecommendationQuery
{
    public const int DefaultNumResults = 25;
    public const int MaxNumResults = 500;
    public const int MaxNumResultsWithMetadata = 50;

    public required string CampaignArn { get; init; }

    public string? UserId { get; init; }

    public string? ItemId { get; init; }

    public int NumResults { get; init; } = DefaultNumResults;

    public string? FilterArn { get; init; }

    public IReadOnlyDictionary<string, string>? FilterValues { get; init; }

    public PromotionQuery? Promotion { get; init; }

    /// <summary>metadataColumns["ITEMS"]: columns to return with each item, or null.</summary>
    public IReadOnlyList<string>? MetadataColumns { get; init; }
}

/// <summary>promotions[0] of a GetRecommendations request.</summary>
public sealed record PromotionQuery(
    string? Name, int PercentPromotedItems, string? FilterArn, IReadOnlyDictionary<string, string>? FilterValues);

/// <summary>A GetPersonalizedRanking request.</summary>
public sealed record RankingQuery
{
    public required string CampaignArn { get; init; }

    public required string UserId { get; init; }

    public required IReadOnlyList<string> InputList { get; init; }

    public string? FilterArn { get; init; }

    public IReadOnlyDictionary<string, string>? FilterValues { get; init; }

    public IReadOnlyList<string>? MetadataColumns { get; init; }
}

/// <summary>The answer to either request: the items, the id that events may cite, and where metadata comes from.</summary>
public sealed record ServingResult(
    string RecommendationId, IReadOnlyList<PredictedItem> Items, ServedModel Model, IReadOnlyList<string>? MetadataColumns);
