using System.Text.Json.Nodes;
using Attune.Recipes.Catalog;
using Definitions = Attune.Recipes.Catalog.RecipeCatalog;

namespace Attune.Server.ControlPlane;

/// <summary>One recipe Attune offers as DescribeRecipe shows it: Personalize's name, ARNs, type and a description.</summary>
public sealed record RecipeInfo(RecipeDefinition Definition, string? FeatureTransformation, string Description)
{
    public string Name => Definition.Name;

    public string RecipeArn => Definition.Arn;

    /// <summary>ECOMMERCE or VIDEO_ON_DEMAND for a recommender use case; null for a custom recipe.</summary>
    public string? Domain => Definition.Domain;

    public string RecipeType => Definition.Type switch
    {
        Recipes.Catalog.RecipeType.UserPersonalization => "USER_PERSONALIZATION",
        Recipes.Catalog.RecipeType.PersonalizedRanking => "PERSONALIZED_RANKING",
        Recipes.Catalog.RecipeType.PopularItems => "POPULAR_ITEMS",
        Recipes.Catalog.RecipeType.RelatedItems => "RELATED_ITEMS",
        Recipes.Catalog.RecipeType.PersonalizedActions => "PERSONALIZED_ACTIONS",
        _ => "USER_SEGMENTATION",
    };

    public string AlgorithmArn => $"arn:aws:personalize:::algorithm/{(Name == "aws-trending-now" ? "aws-trending-now-custom" : Name)}";

    public string? FeatureTransformationArn =>
        FeatureTransformation is null ? null : $"arn:aws:personalize:::feature-transformation/{FeatureTransformation}";
}

/// <summary>
/// The wire view of the recipes Attune trains (Attune.Recipes' catalogue is the list; this adds what
/// ListRecipes and DescribeRecipe show about each).
/// </summary>
public static class RecipeCatalog
{
    /// <summary>When the catalogue was published; recipes report it as their creation time.</summary>
    public const double PublishedAt = 1_764_000_000;

    private static readonly Dictionary<string, (string? FeatureTransformation, string Description)> WireDetails = new()
    {
        ["aws-user-personalization-v2"] = (null, "Recommends items for a user from the user's history; honours event weights and folds new events in live."),
        ["aws-user-personalization"] = (null, "Recommends items for a user, with exploration of new items; learns from every new event at once."),
        ["aws-personalized-ranking-v2"] = (null, "Ranks a list of items for a user."),
        ["aws-personalized-ranking"] = ("JSON-percentile-filtering", "Ranks a list of items for a user."),
        ["aws-trending-now"] = (null, "Items whose interactions grow fastest over the trend discovery interval."),
        ["aws-popularity-count"] = ("sims", "The most interacted items, by count of interactions; the same list for everyone."),
        ["aws-similar-items"] = (null, "Items similar to an item, from co-occurrence blended with item metadata; works for cold items."),
        ["aws-sims"] = ("sims", "Items often interacted with together with an item (item-to-item collaborative filtering)."),
        ["aws-item-affinity"] = ("item-affinity", "The users most likely to interact with each input item (batch segment jobs)."),
        ["aws-item-attribute-affinity"] = ("item-attribute-affinity", "The users most likely to interact with items having the given attributes (batch segment jobs)."),
        ["aws-next-best-action"] = (null, "The probability that a user takes each action in the next days, honouring expiration and repeat frequency."),
        ["aws-hrnn"] = ("JSON-percentile-filtering", "Legacy ARN, served by Attune's user-personalization model."),
        ["aws-hrnn-metadata"] = ("featurize_metadata", "Legacy ARN, served by Attune's user-personalization model with item metadata."),
        ["aws-hrnn-coldstart"] = ("featurize_coldstart", "Legacy ARN, served by Attune's user-personalization model with new-item exploration."),
        ["aws-ecomm-popular-items-by-views"] = (null, "Most viewed: items by their View events over the last 30 days."),
        ["aws-ecomm-popular-items-by-purchases"] = (null, "Best sellers: items by their Purchase events over the last 30 days."),
        ["aws-ecomm-frequently-bought-together"] = (null, "Frequently bought together: items a shopper bought within an hour of the given item."),
        ["aws-ecomm-customers-who-viewed-x-also-viewed"] = (null, "Customers who viewed X also viewed: item-to-item co-occurrence of View events."),
        ["aws-ecomm-recommended-for-you"] = (null, "Recommended for you: the user-personalization model over the shopper's history."),
        ["aws-vod-because-you-watched-x"] = (null, "Because you watched X: item-to-item co-occurrence of the viewers' events."),
        ["aws-vod-more-like-x"] = (null, "More like X: item-to-item co-occurrence blended with item metadata similarity."),
        ["aws-vod-most-popular"] = (null, "Most popular: titles by their events over the last 30 days."),
        ["aws-vod-trending-now"] = (null, "Trending now: titles whose interactions grow fastest."),
        ["aws-vod-top-picks"] = (null, "Top picks for you: the user-personalization model over the viewer's history."),
    };

    public static readonly IReadOnlyList<RecipeInfo> All = [.. Definitions.All.Select(Describe)];

    public static RecipeInfo? Find(string recipeArn) => All.FirstOrDefault(r => r.RecipeArn == recipeArn);

    public static JsonObject Describe(RecipeInfo recipe) => new JsonObject
    {
        ["name"] = recipe.Name,
        ["recipeArn"] = recipe.RecipeArn,
        ["algorithmArn"] = recipe.AlgorithmArn,
        ["status"] = "ACTIVE",
        ["description"] = recipe.Description,
        ["creationDateTime"] = PublishedAt,
        ["recipeType"] = recipe.RecipeType,
        ["lastUpdatedDateTime"] = PublishedAt,
    }.AddIfPresent("featureTransformationArn", recipe.FeatureTransformationArn);

    private static RecipeInfo Describe(RecipeDefinition definition) =>
        WireDetails.TryGetValue(definition.Name, out var details)
            ? new RecipeInfo(definition, details.FeatureTransformation, details.Description)
            : throw new InvalidOperationException($"Recipe {definition.Name} has no description for ListRecipes.");
}
