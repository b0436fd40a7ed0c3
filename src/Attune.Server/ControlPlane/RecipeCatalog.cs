using System.Text.Json.Nodes;

namespace Attune.Server.ControlPlane;

/// <summary>One recipe Attune offers, under Personalize's name and ARNs (region- and account-less).</summary>
public sealed record RecipeInfo(string Name, string RecipeType, string? FeatureTransformation, string Description)
{
    public string RecipeArn => $"arn:aws:personalize:::recipe/{Name}";

    public string AlgorithmArn => $"arn:aws:personalize:::algorithm/{(Name == "aws-trending-now" ? "aws-trending-now-custom" : Name)}";

    public string? FeatureTransformationArn =>
        FeatureTransformation is null ? null : $"arn:aws:personalize:::feature-transformation/{FeatureTransformation}";
}

/// <summary>The recipes Attune serves (ListRecipes, DescribeRecipe); fixed, like Personalize's catalogue.</summary>
public static class RecipeCatalog
{
    /// <summary>When the catalogue was published; recipes report it as their creation time.</summary>
    public const double PublishedAt = 1_764_000_000;

    public static readonly IReadOnlyList<RecipeInfo> All =
    [
        new("aws-user-personalization-v2", "USER_PERSONALIZATION", null,
            "Recommends items for a user from the user's history; honours event weights and folds new events in live."),
        new("aws-user-personalization", "USER_PERSONALIZATION", null,
            "Recommends items for a user, with exploration of new items; learns from every new event at once."),
        new("aws-personalized-ranking-v2", "PERSONALIZED_RANKING", null,
            "Ranks a list of items for a user."),
        new("aws-personalized-ranking", "PERSONALIZED_RANKING", "JSON-percentile-filtering",
            "Ranks a list of items for a user."),
        new("aws-trending-now", "POPULAR_ITEMS", null,
            "Items whose interactions grow fastest over the trend discovery interval."),
        new("aws-popularity-count", "POPULAR_ITEMS", "sims",
            "The most interacted items, by count of interactions; the same list for everyone."),
        new("aws-similar-items", "RELATED_ITEMS", null,
            "Items similar to an item, from co-occurrence blended with item metadata; works for cold items."),
        new("aws-sims", "RELATED_ITEMS", "sims",
            "Items often interacted with together with an item (item-to-item collaborative filtering)."),
        new("aws-item-affinity", "USER_SEGMENTATION", "item-affinity",
            "The users most likely to interact with each input item (batch segment jobs)."),
        new("aws-item-attribute-affinity", "USER_SEGMENTATION", "item-attribute-affinity",
            "The users most likely to interact with items having the given attributes (batch segment jobs)."),
        new("aws-hrnn", "USER_PERSONALIZATION", "JSON-percentile-filtering",
            "Legacy ARN, served by Attune's user-personalization model."),
        new("aws-hrnn-metadata", "USER_PERSONALIZATION", "featurize_metadata",
            "Legacy ARN, served by Attune's user-personalization model with item metadata."),
        new("aws-hrnn-coldstart", "USER_PERSONALIZATION", "featurize_coldstart",
            "Legacy ARN, served by Attune's user-personalization model with new-item exploration."),
    ];

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
}
