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
            new("aws-user-personalization", RecipeType.UserPersonalization, PersonalizationDefaults, personalization, PersonalizationRanges),
            new("aws-user-personalization-v2", RecipeType.UserPersonalization, PersonalizationDefaults, personalization, PersonalizationRanges,
                supportsEventsConfig: true),
            new("aws-personalized-ranking", RecipeType.PersonalizedRanking, PersonalizationDefaults, personalization, PersonalizationRanges),
            new("aws-personalized-ranking-v2", RecipeType.PersonalizedRanking, PersonalizationDefaults, personalization, PersonalizationRanges,
                supportsEventsConfig: true),
            new("aws-popularity-count", RecipeType.PopularItems, EventDefaults, new PopularityTrainer()),
            new("aws-trending-now", RecipeType.PopularItems, TrendingDefaults, new TrendingTrainer()),
            new("aws-sims", RecipeType.RelatedItems, SimsDefaults, related, SimsRanges),
            new("aws-similar-items", RecipeType.RelatedItems, SimilarItemsDefaults, new RelatedItemsTrainer(useMetadata: true), SimilarItemsRanges),
            new("aws-hrnn", RecipeType.UserPersonalization, PersonalizationDefaults, personalization, PersonalizationRanges,
                servedBy: "aws-user-personalization"),
            new("aws-hrnn-metadata", RecipeType.UserPersonalization, PersonalizationDefaults, personalization, PersonalizationRanges,
                servedBy: "aws-user-personalization"),
            new("aws-hrnn-coldstart", RecipeType.UserPersonalization, PersonalizationDefaults, personalization, PersonalizationRanges,
                servedBy: "aws-user-personalization"),
            new("aws-item-affinity", RecipeType.UserSegmentation, PersonalizationDefaults, personalization, PersonalizationRanges),
            new("aws-item-attribute-affinity", RecipeType.UserSegmentation, PersonalizationDefaults, personalization, PersonalizationRanges),
            .. DomainRecipes.Build(PersonalizationDefaults, SimsDefaults, SimilarItemsDefaults, TrendingDefaults),
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
