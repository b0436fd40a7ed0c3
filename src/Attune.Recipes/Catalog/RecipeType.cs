namespace Attune.Recipes.Catalog;

/// <summary>Personalize recipe types (DescribeRecipe recipeType).</summary>
public enum RecipeType
{
    UserPersonalization,
    PersonalizedRanking,
    PopularItems,
    RelatedItems,
    UserSegmentation,
}
