using Attune.Contracts.Resources;

namespace Attune.Contracts.Tests.Resources;

/// <summary>Campaign bodies as CreateCampaign, UpdateCampaign and the lifecycle grain store them, read and written back unchanged.</summary>
public sealed class CampaignRecordTests
{
    [Fact]
    public void A_created_campaign_round_trips() => RoundTrip.AssertIdentical<CampaignRecord>(
        """{"name":"shop","campaignArn":"arn:aws:personalize:us-east-1:000000000000:campaign/shop","solutionVersionArn":"arn:s/1a2b3c4d","minProvisionedTPS":1,"campaignConfig":{"enableMetadataWithRecommendations":false},"status":"ACTIVE","creationDateTime":1733300000.123,"lastUpdatedDateTime":1733300004.5}""");

    [Fact]
    public void A_campaign_with_every_config_member_and_a_failed_update_round_trips() => RoundTrip.AssertIdentical<CampaignRecord>(
        """{"name":"c","campaignArn":"arn:c","solutionVersionArn":"arn:s/$LATEST","minProvisionedTPS":5,"campaignConfig":{"enableMetadataWithRecommendations":true,"itemExplorationConfig":{"explorationWeight":"0.5","explorationItemAgeCutOff":"7"},"rankingInfluence":{"FRESHNESS":0.25},"syncWithLatestSolutionVersion":true},"status":"ACTIVE","creationDateTime":1733300000,"lastUpdatedDateTime":1733300100,"latestCampaignUpdate":{"solutionVersionArn":"arn:s/$LATEST","minProvisionedTPS":2,"campaignConfig":{"syncWithLatestSolutionVersion":true},"status":"CREATE FAILED","creationDateTime":1733300100,"lastUpdatedDateTime":1733300101.75,"failureReason":"no model"}}""");

    [Fact]
    public void A_failed_campaign_keeps_its_reason() => RoundTrip.AssertIdentical<CampaignRecord>(
        """{"name":"c","campaignArn":"arn:c","solutionVersionArn":"arn:s/1","minProvisionedTPS":1,"campaignConfig":{},"status":"CREATE FAILED","creationDateTime":1733300000,"lastUpdatedDateTime":1733300001,"failureReason":"The solution version arn:s/1 is not ACTIVE."}""");

    [Fact]
    public void Exploration_values_are_read_as_numbers()
    {
        var config = new CampaignConfig { ItemExplorationConfig = new Dictionary<string, string> { ["explorationWeight"] = "0.5" } };

        Assert.Equal(0.5, config.ExplorationWeight);
        Assert.Null(config.ExplorationItemAgeCutOffDays);
    }

    [Fact]
    public void Latest_names_the_solution_it_follows()
    {
        Assert.True(CampaignRecord.FollowsLatest("arn:aws:personalize:us-east-1:000000000000:solution/s/$LATEST"));
        Assert.False(CampaignRecord.FollowsLatest("arn:aws:personalize:us-east-1:000000000000:solution/s/1a2b3c4d"));
        Assert.Equal("arn:aws:personalize:us-east-1:000000000000:solution/s",
            CampaignRecord.SolutionOfLatest("arn:aws:personalize:us-east-1:000000000000:solution/s/$LATEST"));
    }
}
