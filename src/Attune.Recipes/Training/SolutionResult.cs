using Attune.Recipes.Catalog;
using Attune.Recipes.Models;

namespace Attune.Recipes.Training;

/// <summary>
/// A trained solution version: the model (trained on all data), the recipe that made it, the offline metrics
/// (GetSolutionMetrics), tunedHPOParams when HPO ran, and autoMLResult.bestRecipeArn when AutoML ran.
/// </summary>
public sealed record SolutionResult(
    RecommendationModel Model,
    RecipeDefinition Recipe,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string>? TunedHyperParameters,
    string? BestRecipeArn);
