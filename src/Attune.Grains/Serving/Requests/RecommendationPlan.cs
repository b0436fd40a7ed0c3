using Attune.Contracts.Serving;
using Attune.Filters;

namespace Attune.Grains.Serving;

/// <summary>A validated GetRecommendations request with its filters bound to their values.</summary>
internal sealed record RecommendationPlan(int NumResults, BoundFilter? Filter, PromotionQuery? Promotion, BoundFilter? PromotionFilter,
    IReadOnlyDictionary<string, string>? Context = null);
