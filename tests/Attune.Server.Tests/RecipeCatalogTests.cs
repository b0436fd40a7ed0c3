using Attune.Server.ControlPlane;

namespace Attune.Server.Tests;

public sealed class RecipeCatalogTests
{
    [Fact]
    public void Recipe_arns_are_region_and_account_less() =>
        Assert.All(RecipeCatalog.All, r => Assert.Equal($"arn:aws:personalize:::recipe/{r.Name}", r.RecipeArn));

    [Fact]
    public void Trending_now_runs_the_custom_algorithm() =>
        Assert.Equal("arn:aws:personalize:::algorithm/aws-trending-now-custom", RecipeCatalog.Find("arn:aws:personalize:::recipe/aws-trending-now")!.AlgorithmArn);

    [Theory]
    [InlineData("aws-user-personalization-v2", "USER_PERSONALIZATION")]
    [InlineData("aws-personalized-ranking", "PERSONALIZED_RANKING")]
    [InlineData("aws-sims", "RELATED_ITEMS")]
    [InlineData("aws-popularity-count", "POPULAR_ITEMS")]
    [InlineData("aws-item-affinity", "USER_SEGMENTATION")]
    [InlineData("aws-next-best-action", "PERSONALIZED_ACTIONS")]
    public void Recipes_have_their_personalize_type(string name, string type) =>
        Assert.Equal(type, RecipeCatalog.Find($"arn:aws:personalize:::recipe/{name}")!.RecipeType);

    [Fact]
    public void Unknown_recipes_are_not_found() => Assert.Null(RecipeCatalog.Find("arn:aws:personalize:::recipe/aws-nope"));
}
