using Attune.Contracts.Resources;

namespace Attune.Contracts.Tests.Resources;

/// <summary>Recommender bodies as CreateRecommender, UpdateRecommender and the lifecycle grain store them, read and written back unchanged.</summary>
public sealed class RecommenderRecordTests
{
    [Fact]
    public void A_created_recommender_round_trips() => RoundTrip.AssertIdentical<RecommenderRecord>(
        """{"name":"best","recommenderArn":"arn:aws:personalize:us-east-1:000000000000:recommender/best","datasetGroupArn":"arn:aws:personalize:us-east-1:000000000000:dataset-group/shop","recipeArn":"arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-purchases","recommenderConfig":{"minRecommendationRequestsPerSecond":1},"status":"ACTIVE","creationDateTime":1733300000.123,"lastUpdatedDateTime":1733300004.5}""");

    [Fact]
    public void A_recommender_with_every_config_member_and_an_update_round_trips() => RoundTrip.AssertIdentical<RecommenderRecord>(
        """{"name":"r","recommenderArn":"arn:r","datasetGroupArn":"arn:g","recipeArn":"arn:aws:personalize:::recipe/aws-vod-more-like-x","recommenderConfig":{"itemExplorationConfig":{"explorationWeight":"0.1"},"minRecommendationRequestsPerSecond":3,"trainingDataConfig":{"excludedDatasetColumns":{"Items":["PRICE","GENRES"]}},"enableMetadataWithRecommendations":true},"status":"INACTIVE","creationDateTime":1733300000,"lastUpdatedDateTime":1733300100,"latestRecommenderUpdate":{"recommenderConfig":{"minRecommendationRequestsPerSecond":5},"status":"CREATE FAILED","creationDateTime":1733300100,"lastUpdatedDateTime":1733300101.75,"failureReason":"no model"}}""");

    [Fact]
    public void Its_config_serves_like_a_campaigns()
    {
        var config = new RecommenderConfig
        {
            ItemExplorationConfig = new Dictionary<string, string> { ["explorationWeight"] = "0.1" },
            EnableMetadataWithRecommendations = true,
        }.AsCampaignConfig();

        Assert.Equal(0.1, config.ExplorationWeight);
        Assert.True(config.EnableMetadataWithRecommendations);
    }
}
