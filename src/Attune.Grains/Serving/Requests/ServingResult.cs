namespace Attune.Grains.Serving;

/// <summary>The answer to either request: the items, the id that events may cite, and the catalogue their metadata comes from.</summary>
public sealed record ServingResult(
    string RecommendationId, IReadOnlyList<PredictedItem> Items, ServedCatalogue Catalogue, IReadOnlyList<string>? MetadataColumns);
