using Attune.Recipes.Catalog.Trainers;
using Attune.Recipes.Training;

namespace Attune.Recipes.Catalog;

/// <summary>
/// The recipes Attune serves, keyed by name or ARN (arn:aws:personalize:::recipe/NAME). Defaults were picked by
/// bench/Attune.Bench.Accuracy on the validation users; see bench/README.md.
/// </summary>
public static class RecipeCatalog
{
    public const string ArnPrefix = "arn:aws:personalize:::recipe/";

    private static readonly Dictionary<string, string> EventDefaults = new()
    {
        ["event_type_weights"] = "",
        ["event_value_weighting"] = "none",
    };

    /// <summary>User personalization: EASE, item-kNN, transitions, iALS and popularity blended with weights validated per dataset.</summary>
    private static readonly Dictionary<string, string> PersonalizationDefaults = With(EventDefaults, new()
    {
        ["model"] = "auto",
        ["lambda"] = "400",
        ["ease_max_items"] = "3000",
        ["neighbors"] = "300",
        ["transition_weight"] = "0.3",
        ["transition_decay"] = "0.5",
        ["bptt"] = "3",
        ["recency_mask"] = "true",
        ["recency_half_life"] = "20",
        ["metadata_weight"] = "0",
        ["hidden_dimension"] = "64",
        ["iterations"] = "15",
        ["regularization"] = "0.05",
        ["alpha"] = "10",
        ["cg_steps"] = "3",
        ["context_weight"] = "0.5",
    });

    /// <summary>The v2 recipes take Personalize's apply_recency_bias as well (recency weighting on only when both are true).</summary>
    private static readonly Dictionary<string, string> PersonalizationV2Defaults = With(PersonalizationDefaults, new()
    {
        ["apply_recency_bias"] = "true",
    });

    private static readonly Dictionary<string, string> SimsDefaults = With(EventDefaults, new()
    {
        ["popularity_discount_factor"] = "0.5",
        ["min_cointeraction_count"] = "3",
        ["neighbors"] = "100",
    });

    private static readonly Dictionary<string, string> SimilarItemsDefaults = With(SimsDefaults, new()
    {
        ["min_cointeraction_count"] = "1",
        ["metadata_weight"] = "0.3",
        ["item_id_hidden_dim"] = "100",
        ["item_metadata_hidden_dim"] = "100",
    });

    private static readonly Dictionary<string, string> TrendingDefaults = With(EventDefaults, new()
    {
        ["trend_discovery_frequency"] = "2 hours",
    });

    /// <summary>What <see cref="HyperParameters.ApplyEventWeights"/> accepts.</summary>
    private static readonly HyperParameterLimit[] EventLimits =
    [
        HyperParameterLimit.Text("event_type_weights") with { Featurization = true },
        HyperParameterLimit.Categorical("event_value_weighting", "none", "linear", "log") with { Featurization = true },
    ];

    /// <summary>The checks of PersonalizationTrainer and BlendSettings.</summary>
    private static readonly HyperParameterLimit[] PersonalizationLimits =
    [
        .. EventLimits,
        HyperParameterLimit.Categorical("model", "auto", "ease", "item_knn", "ials"),
        HyperParameterLimit.Continuous("lambda", 0, 1e9),
        HyperParameterLimit.Integer("ease_max_items", 1, 10_000),
        HyperParameterLimit.Integer("neighbors", 1, 100_000),
        HyperParameterLimit.Continuous("transition_weight", 0, 1e6),
        HyperParameterLimit.Continuous("transition_decay", 0, 1),
        HyperParameterLimit.Integer("bptt", 1, 32),
        HyperParameterLimit.Categorical("recency_mask", "true", "false"),
        HyperParameterLimit.Continuous("recency_half_life", 0, 1e6),
        HyperParameterLimit.Continuous("metadata_weight", 0, 1e6),
        HyperParameterLimit.Integer("hidden_dimension", 8, 512),
        HyperParameterLimit.Integer("iterations", 1, 100),
        HyperParameterLimit.Continuous("regularization", 0, 1e6),
        HyperParameterLimit.Continuous("alpha", 0, 1e6),
        HyperParameterLimit.Integer("cg_steps", 1, 20),
        HyperParameterLimit.Continuous("context_weight", 0, 1e6),
    ];

    private static readonly HyperParameterLimit[] PersonalizationV2Limits =
        [.. PersonalizationLimits, HyperParameterLimit.Categorical("apply_recency_bias", "true", "false")];

    /// <summary>The checks of RelatedItemsTrainer.</summary>
    private static readonly HyperParameterLimit[] SimsLimits =
    [
        .. EventLimits,
        HyperParameterLimit.Continuous("popularity_discount_factor", 0, 1),
        HyperParameterLimit.Integer("min_cointeraction_count", 0, 10),
        HyperParameterLimit.Integer("neighbors", 1, 10_000),
    ];

    /// <summary>Adds metadata_weight; item_id_hidden_dim and item_metadata_hidden_dim are accepted for compatibility, unread.</summary>
    private static readonly HyperParameterLimit[] SimilarItemsLimits =
    [
        .. SimsLimits,
        HyperParameterLimit.Continuous("metadata_weight", 0, 1),
        HyperParameterLimit.Text("item_id_hidden_dim"),
        HyperParameterLimit.Text("item_metadata_hidden_dim"),
    ];

    private static readonly HyperParameterLimit[] TrendingLimits =
    [
        .. EventLimits,
        HyperParameterLimit.Categorical("trend_discovery_frequency", "30 minutes", "1 hour", "2 hours", "3 hours", "1 day") with { Featurization = true },
    ];

    private static readonly HpoSettings PersonalizationRanges = new()
    {
        ContinuousRanges =
        [
            new ContinuousRange("lambda", 50, 2000),
            new ContinuousRange("recency_half_life", 5, 80),
            new ContinuousRange("transition_weight", 0.05, 2),
        ],
    };

    private static readonly HpoSettings SimsRanges = new()
    {
        IntegerRanges = [new IntegerRange("min_cointeraction_count", 0, 10)],
        ContinuousRanges = [new ContinuousRange("popularity_discount_factor", 0, 1)],
    };

    private static readonly HpoSettings SimilarItemsRanges = SimsRanges with
    {
        ContinuousRanges = [new ContinuousRange("popularity_discount_factor", 0, 1), new ContinuousRange("metadata_weight", 0, 1)],
    };

    /// <summary>Personalize's only next-best-action setting (a featurization parameter, no HPO): the "next N days" of the propensity.</summary>
    private static readonly Dictionary<string, string> NextBestActionDefaults = new()
    {
        [Actions.NextBestActionTrainer.OptimizationPeriod] = "14",
    };

    private static readonly HyperParameterLimit[] NextBestActionLimits =
    [
        HyperParameterLimit.Integer(Actions.NextBestActionTrainer.OptimizationPeriod, 7, 28),
    ];

    private static readonly RecipeDefinition[] Definitions = Build();

    private static readonly Dictionary<string, RecipeDefinition> ByName = Definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static IReadOnlyList<RecipeDefinition> All => Definitions;

    /// <summary>The recipe for a name or ARN, or null when Attune does not serve it.</summary>
    public static RecipeDefinition? Find(string nameOrArn)
    {
        string name = nameOrArn.StartsWith(ArnPrefix, StringComparison.Ordinal) ? nameOrArn[ArnPrefix.Length..] : nameOrArn;
        return ByName.GetValueOrDefault(name);
    }

    private static RecipeDefinition[] Build()
    {
        var personalization = new PersonalizationTrainer();
        var related = new RelatedItemsTrainer(useMetadata: false);
        return
        [
            new("aws-user-personalization", RecipeType.UserPersonalization, PersonalizationDefaults, personalization, PersonalizationRanges, PersonalizationLimits),
            new("aws-user-personalization-v2", RecipeType.UserPersonalization, PersonalizationV2Defaults, personalization, PersonalizationRanges, PersonalizationV2Limits,
                supportsEventsConfig: true),
            new("aws-personalized-ranking", RecipeType.PersonalizedRanking, PersonalizationDefaults, personalization, PersonalizationRanges, PersonalizationLimits),
            new("aws-personalized-ranking-v2", RecipeType.PersonalizedRanking, PersonalizationV2Defaults, personalization, PersonalizationRanges, PersonalizationV2Limits,
                supportsEventsConfig: true),
            new("aws-popularity-count", RecipeType.PopularItems, EventDefaults, new PopularityTrainer(), limits: EventLimits),
            new("aws-trending-now", RecipeType.PopularItems, TrendingDefaults, new TrendingTrainer(), limits: TrendingLimits),
            new("aws-sims", RecipeType.RelatedItems, SimsDefaults, related, SimsRanges, SimsLimits),
            new("aws-similar-items", RecipeType.RelatedItems, SimilarItemsDefaults, new RelatedItemsTrainer(useMetadata: true), SimilarItemsRanges,
                SimilarItemsLimits),
            new("aws-hrnn", RecipeType.UserPersonalization, PersonalizationDefaults, personalization, PersonalizationRanges, PersonalizationLimits,
                servedBy: "aws-user-personalization"),
            new("aws-hrnn-metadata", RecipeType.UserPersonalization, PersonalizationDefaults, personalization, PersonalizationRanges, PersonalizationLimits,
                servedBy: "aws-user-personalization"),
            new("aws-hrnn-coldstart", RecipeType.UserPersonalization, PersonalizationDefaults, personalization, PersonalizationRanges, PersonalizationLimits,
                servedBy: "aws-user-personalization"),
            new("aws-item-affinity", RecipeType.UserSegmentation, PersonalizationDefaults, personalization, PersonalizationRanges, PersonalizationLimits),
            new("aws-item-attribute-affinity", RecipeType.UserSegmentation, PersonalizationDefaults, personalization, PersonalizationRanges, PersonalizationLimits),
            new("aws-next-best-action", RecipeType.PersonalizedActions, NextBestActionDefaults, trainer: null, limits: NextBestActionLimits),
            .. DomainRecipes.Build(new(EventDefaults, EventLimits), new(PersonalizationDefaults, PersonalizationLimits),
                new(SimsDefaults, SimsLimits), new(SimilarItemsDefaults, SimilarItemsLimits), new(TrendingDefaults, TrendingLimits)),
        ];
    }

    internal static Dictionary<string, string> With(Dictionary<string, string> baseline, Dictionary<string, string> extra)
    {
        var merged = new Dictionary<string, string>(baseline);
        foreach (var (key, value) in extra)
        {
            merged[key] = value;
        }

        return merged;
    }
}
