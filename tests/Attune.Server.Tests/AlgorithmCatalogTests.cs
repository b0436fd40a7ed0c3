using System.Text.Json.Nodes;
using Attune.Server.ControlPlane;

namespace Attune.Server.Tests;

/// <summary>Every recipe of the catalogue, including ones added later, gets its algorithm and feature transformation described.</summary>
public sealed class AlgorithmCatalogTests
{
    public static TheoryData<string> Recipes => [.. RecipeCatalog.All.Select(r => r.RecipeArn)];

    [Theory]
    [MemberData(nameof(Recipes))]
    public void A_recipes_algorithm_and_feature_transformation_are_described(string recipeArn)
    {
        var recipe = RecipeCatalog.Find(recipeArn)!;
        var algorithm = AlgorithmCatalog.DescribeAlgorithm(recipe.AlgorithmArn, "000000000000");

        Assert.NotNull(algorithm);
        Assert.Equal(recipe.AlgorithmArn, algorithm["algorithmArn"]!.GetValue<string>());
        var defaults = algorithm["defaultHyperParameters"]!.AsObject();
        foreach (var (kind, ranges) in algorithm["defaultHyperParameterRanges"]!.AsObject())
        {
            Assert.All(ranges!.AsArray(), range => Assert.True(defaults.ContainsKey(range!["name"]!.GetValue<string>()), $"{kind} {range}"));
        }
        if (recipe.FeatureTransformationArn is { } transformation)
        {
            Assert.Equal("ACTIVE", AlgorithmCatalog.DescribeFeatureTransformation(transformation)!["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Featurization_parameters_belong_to_the_feature_transformation_not_the_algorithm()
    {
        var sims = AlgorithmCatalog.DescribeAlgorithm("arn:aws:personalize:::algorithm/aws-sims", "000000000000")!;
        var transformation = AlgorithmCatalog.DescribeFeatureTransformation("arn:aws:personalize:::feature-transformation/sims")!;

        Assert.False(sims["defaultHyperParameters"]!.AsObject().ContainsKey("event_value_weighting"));
        Assert.Equal("none", transformation["defaultParameters"]!["event_value_weighting"]!.GetValue<string>());
        Assert.Equal("3", sims["defaultHyperParameters"]!["min_cointeraction_count"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_arns_are_not_described()
    {
        Assert.Null(AlgorithmCatalog.DescribeAlgorithm("arn:aws:personalize:::algorithm/aws-nope", "000000000000"));
        Assert.Null(AlgorithmCatalog.DescribeFeatureTransformation("arn:aws:personalize:::feature-transformation/nope"));
        Assert.IsType<JsonObject>(AlgorithmCatalog.DescribeAlgorithm("arn:aws:personalize:::algorithm/aws-trending-now-custom", "000000000000"));
    }
}
