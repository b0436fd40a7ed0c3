using Attune.Recipes.Catalog.Trainers;
using Attune.Recipes.Data;
using Attune.Recipes.Models;
using Attune.Recipes.Training;

namespace Attune.Recipes.Catalog;

/// <summary>A Personalize recipe served by Attune: its name, type, default hyperparameters and trainer.</summary>
public sealed class RecipeDefinition
{
    private readonly IRecipeTrainer _trainer;

    internal RecipeDefinition(string name, RecipeType type, IReadOnlyDictionary<string, string> defaults, IRecipeTrainer trainer,
        HpoSettings? defaultHpo = null, bool supportsEventsConfig = false, string? servedBy = null, string? domain = null,
        string? excludedEventType = null)
    {
        Domain = domain;
        ExcludedEventType = excludedEventType;
        DefaultHpo = defaultHpo;
        Name = name;
        Type = type;
        DefaultHyperParameters = defaults;
        _trainer = trainer;
        SupportsEventsConfig = supportsEventsConfig;
        ServedBy = servedBy ?? name;
    }

    public string Name { get; }

    public string Arn => RecipeCatalog.ArnPrefix + Name;

    /// <summary>ECOMMERCE or VIDEO_ON_DEMAND for a domain use case (served by recommenders only); null for custom recipes.</summary>
    public string? Domain { get; }

    /// <summary>
    /// The event type whose items a use case never recommends to the user who had them (Purchase for recommended-for-you
    /// and customers-who-viewed-x, Watch for more-like-x), as Personalize's domain recommenders do; null: none.
    /// </summary>
    public string? ExcludedEventType { get; }

    public RecipeType Type { get; }

    public IReadOnlyDictionary<string, string> DefaultHyperParameters { get; }

    /// <summary>Ranges HPO searches when performHPO comes without hpoConfig (DescribeAlgorithm's defaultHyperParameterRanges).</summary>
    public HpoSettings? DefaultHpo { get; }

    /// <summary>True for the v2 recipes, the only ones where Personalize accepts eventsConfig.</summary>
    public bool SupportsEventsConfig { get; }

    /// <summary>The recipe whose model serves this one (legacy HRNN ARNs map to user personalization).</summary>
    public string ServedBy { get; }

    public HyperParameters HyperParameters(IReadOnlyDictionary<string, string>? overrides = null) => new(DefaultHyperParameters, overrides);

    /// <summary>Trains on <paramref name="data"/> with the solution's event settings and hyperparameters.</summary>
    public RecommendationModel Train(InteractionData data, EventSettings events, HyperParameters hyperParameters,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var effective = hyperParameters.ApplyEventWeights(events);
        var set = TrainingSet.Build(data, EventWeighting.Create(effective, data.EventTypeNames));
        return _trainer.Train(set, hyperParameters, progress, cancellationToken);
    }
}
