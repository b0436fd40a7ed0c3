using Attune.Recipes.Catalog.Trainers;

namespace Attune.Recipes.Catalog;

/// <summary>
/// The use cases of Personalize's domain dataset groups, each mapped to a real model trained on the event types the use
/// case is about (Personalize's domain event types: View and Purchase in ECOMMERCE, Watch in VIDEO_ON_DEMAND; listed
/// types only, through event_type_weights). Recommenders train them; solutions cannot.
/// </summary>
internal static class DomainRecipes
{
    public const string Ecommerce = "ECOMMERCE";
    public const string VideoOnDemand = "VIDEO_ON_DEMAND";

    /// <summary>The window of the popularity use cases (Personalize: "popular items over the last weeks").</summary>
    private const string PopularityWindowDays = "30";

    /// <summary>A recipe family's defaults and the limits its trainer checks (DescribeAlgorithm publishes both).</summary>
    public sealed record Family(Dictionary<string, string> Defaults, IReadOnlyList<HyperParameterLimit> Limits);

    public static RecipeDefinition[] Build(Family events, Family personalization, Family sims, Family similarItems, Family trending)
    {
        var popular = new RecentPopularityTrainer();
        var related = new RelatedItemsTrainer(useMetadata: false);
        var personalize = new PersonalizationTrainer();
        var popularity = new Family(RecipeCatalog.With(events.Defaults, new() { ["popularity_window_days"] = PopularityWindowDays }),
            [.. events.Limits, HyperParameterLimit.Continuous("popularity_window_days", 0, 3650)]);
        var coPurchase = new Family(RecipeCatalog.With(events.Defaults, new()
            {
                ["popularity_discount_factor"] = "0.5",
                ["neighbors"] = "100",
                ["basket_window_seconds"] = "3600",
            }),
            [
                .. events.Limits,
                HyperParameterLimit.Continuous("popularity_discount_factor", 0, 1),
                HyperParameterLimit.Integer("neighbors", 1, 10_000),
                HyperParameterLimit.Integer("basket_window_seconds", 0, int.MaxValue),
            ]);
        var coInteraction = sims with { Defaults = RecipeCatalog.With(sims.Defaults, new() { ["min_cointeraction_count"] = "1" }) };
        return
        [
            Recipe("aws-ecomm-popular-items-by-views", RecipeType.PopularItems, Events(popularity, "View:1"), popular, Ecommerce),
            Recipe("aws-ecomm-popular-items-by-purchases", RecipeType.PopularItems, Events(popularity, "Purchase:1"), popular, Ecommerce),
            Recipe("aws-ecomm-frequently-bought-together", RecipeType.RelatedItems, Events(coPurchase, "Purchase:1"), new CoPurchaseTrainer(), Ecommerce),
            Recipe("aws-ecomm-customers-who-viewed-x-also-viewed", RecipeType.RelatedItems, Events(coInteraction, "View:1"), related, Ecommerce,
                excludedEventType: "Purchase"),
            Recipe("aws-ecomm-recommended-for-you", RecipeType.UserPersonalization, personalization, personalize, Ecommerce,
                excludedEventType: "Purchase"),
            Recipe("aws-vod-because-you-watched-x", RecipeType.RelatedItems, coInteraction, related, VideoOnDemand),
            Recipe("aws-vod-more-like-x", RecipeType.RelatedItems, similarItems, new RelatedItemsTrainer(useMetadata: true), VideoOnDemand,
                excludedEventType: "Watch"),
            Recipe("aws-vod-most-popular", RecipeType.PopularItems, popularity, popular, VideoOnDemand),
            Recipe("aws-vod-trending-now", RecipeType.PopularItems, trending, new TrendingTrainer(), VideoOnDemand),
            Recipe("aws-vod-top-picks", RecipeType.UserPersonalization, personalization, personalize, VideoOnDemand),
        ];
    }

    private static RecipeDefinition Recipe(string name, RecipeType type, Family family, IRecipeTrainer trainer, string domain,
        string? excludedEventType = null) =>
        new(name, type, family.Defaults, trainer, limits: family.Limits, domain: domain, excludedEventType: excludedEventType);

    private static Family Events(Family family, string weights) =>
        family with { Defaults = RecipeCatalog.With(family.Defaults, new() { ["event_type_weights"] = weights }) };
}
