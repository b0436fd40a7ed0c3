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

    public static RecipeDefinition[] Build(
        Dictionary<string, string> personalization, Dictionary<string, string> sims, Dictionary<string, string> similarItems,
        Dictionary<string, string> trending)
    {
        var popular = new RecentPopularityTrainer();
        var related = new RelatedItemsTrainer(useMetadata: false);
        var personalize = new PersonalizationTrainer();
        var popularity = new Dictionary<string, string>
        {
            ["event_value_weighting"] = "none",
            ["popularity_window_days"] = PopularityWindowDays,
        };
        return
        [
            new("aws-ecomm-popular-items-by-views", RecipeType.PopularItems, Events(popularity, "View:1"), popular, domain: Ecommerce),
            new("aws-ecomm-popular-items-by-purchases", RecipeType.PopularItems, Events(popularity, "Purchase:1"), popular, domain: Ecommerce),
            new("aws-ecomm-frequently-bought-together", RecipeType.RelatedItems, Events(RecipeCatalog.With(sims, new()
            {
                ["basket_window_seconds"] = "3600",
            }), "Purchase:1"), new CoPurchaseTrainer(), domain: Ecommerce),
            new("aws-ecomm-customers-who-viewed-x-also-viewed", RecipeType.RelatedItems,
                Events(RecipeCatalog.With(sims, new() { ["min_cointeraction_count"] = "1" }), "View:1"), related, domain: Ecommerce,
                excludedEventType: "Purchase"),
            new("aws-ecomm-recommended-for-you", RecipeType.UserPersonalization, personalization, personalize, domain: Ecommerce,
                excludedEventType: "Purchase"),
            new("aws-vod-because-you-watched-x", RecipeType.RelatedItems, RecipeCatalog.With(sims, new() { ["min_cointeraction_count"] = "1" }),
                related, domain: VideoOnDemand),
            new("aws-vod-more-like-x", RecipeType.RelatedItems, similarItems, new RelatedItemsTrainer(useMetadata: true), domain: VideoOnDemand,
                excludedEventType: "Watch"),
            new("aws-vod-most-popular", RecipeType.PopularItems, popularity, popular, domain: VideoOnDemand),
            new("aws-vod-trending-now", RecipeType.PopularItems, trending, new TrendingTrainer(), domain: VideoOnDemand),
            new("aws-vod-top-picks", RecipeType.UserPersonalization, personalization, personalize, domain: VideoOnDemand),
        ];
    }

    private static Dictionary<string, string> Events(Dictionary<string, string> defaults, string weights) =>
        RecipeCatalog.With(defaults, new() { ["event_type_weights"] = weights });
}
