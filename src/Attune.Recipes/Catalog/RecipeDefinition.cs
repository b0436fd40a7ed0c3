using Attune.Recipes.Catalog.Trainers;
using Attune.Recipes.Data;
using Attune.Recipes.Models;
using Attune.Recipes.Training;

namespace Attune.Recipes.Catalog;

/// <summary>A Personalize recipe served by Attune: its name, type, default hyperparameters and trainer.</summary>
public sealed class RecipeDefinition
{
    /// <summary>Null for aws-next-best-action, whose model is not an item model (see <see cref="Actions.NextBestActionSolution"/>).</summary>
    private readonly IRecipeTrainer? _trainer;

    internal RecipeDefinition(string name, RecipeType type, IReadOnlyDictionary<string, string> defaults, IRecipeTrainer? trainer,
        HpoSettings? defaultHpo = null, IReadOnlyList<HyperParameterLimit>? limits = null, bool supportsEventsConfig = false,
        string? servedBy = null, string? domain = null, string? excludedEventType = null)
    {
        Limits = limits ?? [];
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

    /// <summary>The values the trainer accepts per hyperparameter (DescribeAlgorithm's defaultHyperParameterRanges).</summary>
    public IReadOnlyList<HyperParameterLimit> Limits { get; }

    /// <summary>True for the v2 recipes, the only ones where Personalize accepts eventsConfig.</summary>
    public bool SupportsEventsConfig { get; }

    /// <summary>The recipe whose model serves this one (legacy HRNN ARNs map to user personalization).</summary>
    public string ServedBy { get; }

    public HyperParameters HyperParameters(IReadOnlyDictionary<string, string>? overrides = null) => new(DefaultHyperParameters, overrides);

    /// <summary>
    /// Checks <paramref name="overrides"/> before any training: every name must be one of the recipe's hyperparameters
    /// and every value pass the trainer's own check (<see cref="Limits"/>). Throws <see cref="ArgumentException"/> naming it.
    /// </summary>
    public void CheckHyperParameters(IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        foreach (var name in overrides.Keys.Select(Catalog.HyperParameters.BaseName))
        {
            if (!DefaultHyperParameters.ContainsKey(name))
            {
                throw new ArgumentException(
                    $"{Name} has no hyperparameter {name}; it takes {string.Join(", ", DefaultHyperParameters.Keys.Order(StringComparer.Ordinal))}.", name);
            }
        }
        var values = HyperParameters(overrides);
        foreach (var limit in Limits)
        {
            switch (limit.Kind)
            {
                case HyperParameterKind.Integer:
                    values.Int(limit.Name, (int)limit.MinValue, (int)limit.MaxValue);
                    break;
                case HyperParameterKind.Continuous:
                    values.Float(limit.Name, limit.MinValue, limit.MaxValue);
                    break;
                case HyperParameterKind.Categorical:
                    values.Choice(limit.Name, [.. limit.Values!]);
                    break;
            }
        }
    }

    /// <summary>Trains on <paramref name="data"/> with the solution's event settings and hyperparameters.</summary>
    public RecommendationModel Train(InteractionData data, EventSettings events, HyperParameters hyperParameters,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var trainer = _trainer ?? throw new InvalidOperationException($"{Name} trains on action interactions with NextBestActionSolution.");
        var effective = hyperParameters.ApplyEventWeights(events);
        var set = TrainingSet.Build(data, EventWeighting.Create(effective, data.EventTypeNames));
        // Checked wherever the recipe has it; only the recipes served with a runtime context use it.
        float contextWeight = DefaultHyperParameters.ContainsKey("context_weight") ? hyperParameters.Float("context_weight", 0, 1e6) : 0;
        var model = trainer.Train(set, hyperParameters, progress, cancellationToken);
        if (Type is RecipeType.UserPersonalization or RecipeType.PersonalizedRanking)
        {
            model.Context = ContextLiftBuilder.Build(data, set.Events, contextWeight);
        }
        return model;
    }
}
