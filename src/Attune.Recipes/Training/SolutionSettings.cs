using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;

namespace Attune.Recipes.Training;

/// <summary>What CreateSolution/CreateSolutionVersion asks for, in library terms.</summary>
public sealed record SolutionSettings
{
    /// <summary>Recipe name or ARN; ignored when <see cref="PerformAutoMl"/> is set.</summary>
    public string? RecipeArn { get; init; }

    /// <summary>solutionConfig.algorithmHyperParameters (plus featureTransformationParameters, merged by the caller).</summary>
    public IReadOnlyDictionary<string, string> HyperParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Solution eventType, eventValueThreshold and eventsConfig.</summary>
    public EventSettings Events { get; init; } = EventSettings.Default;

    public bool PerformHpo { get; init; }

    public HpoSettings? Hpo { get; init; }

    public bool PerformAutoMl { get; init; }

    /// <summary>autoMLConfig.recipeList (names or ARNs).</summary>
    public IReadOnlyList<string> AutoMlRecipes { get; init; } = [];

    /// <summary>autoMLConfig.metricName.</summary>
    public string AutoMlMetric { get; init; } = MetricNames.NdcgAt10;
}
