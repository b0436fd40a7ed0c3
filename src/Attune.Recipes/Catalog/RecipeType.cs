namespace Attune.Recipes.Catalog;

/// <summary>Personalize recipe types (DescribeRecipe recipeType).</summary>
public enum RecipeType
{
    UserPersonalization,
    PersonalizedRanking,
    PopularItems,
    RelatedItems,
    UserSegmentation,

    /// <summary>aws-next-best-action: trained by <see cref="Actions.NextBestActionTrainer"/>, served by GetActionRecommendations.</summary>
    PersonalizedActions,
}
