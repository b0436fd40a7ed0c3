namespace Attune.Contracts.Serving;

/// <summary>
/// A served answer as it leaves the campaign grain: every value the wire output needs, resolved to ids and
/// strings (metadata values, explanation items), so the front door needs no model.
/// </summary>
[GenerateSerializer, Immutable, Alias("attune.ServingAnswer")]
public sealed record ServingAnswer([property: Id(0)] string RecommendationId, [property: Id(1)] AnsweredItem[] Items);

/// <summary>One PredictedItem with Attune's explanation: its basis and the items behind it.</summary>
[GenerateSerializer, Immutable, Alias("attune.AnsweredItem")]
public sealed record AnsweredItem(
    [property: Id(0)] string ItemId,
    [property: Id(1)] double? Score,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? PromotionName,
    [property: Id(4)] Dictionary<string, string>? Metadata,
    [property: Id(5)] string ExplanationBasis,
    [property: Id(6)] string[] ExplanationItems,
    [property: Id(7)] string[]? ExplanationContext = null);
