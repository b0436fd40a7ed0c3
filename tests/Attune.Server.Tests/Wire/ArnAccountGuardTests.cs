using System.Text.Json;
using Attune.Server.Wire;

namespace Attune.Server.Tests.Wire;

/// <summary>A request may name only its own account's Personalize ARNs, anywhere in its input.</summary>
public sealed class ArnAccountGuardTests
{
    [Theory]
    [InlineData("""{"datasetGroupArn": "arn:aws:personalize:us-east-1:111111111111:dataset-group/g"}""")]
    [InlineData("""{"recipeArn": "arn:aws:personalize:::recipe/aws-user-personalization"}""")]
    [InlineData("""{"roleArn": "arn:aws:iam::222222222222:role/r"}""")]
    [InlineData("""{"name": "arn:aws:personalize:us-east-1:222222222222:dataset-group/g"}""")]
    public void Own_AWS_owned_and_foreign_service_ARNs_pass(string input)
        => ArnAccountGuard.Check(JsonDocument.Parse(input).RootElement, "111111111111");

    [Theory]
    [InlineData("""{"campaignArn": "arn:aws:personalize:us-east-1:222222222222:campaign/c"}""")]
    [InlineData("""{"campaignConfig": {"nested": {"filterArn": "arn:aws:personalize:us-east-1:222222222222:filter/f"}}}""")]
    [InlineData("""{"metricAttributionArns": ["arn:aws:personalize:us-east-1:111111111111:x/y", "arn:aws:personalize:us-east-1:222222222222:x/z"]}""")]
    public void Another_accounts_ARN_is_not_found(string input)
    {
        var error = Assert.Throws<ApiException>(() => ArnAccountGuard.Check(JsonDocument.Parse(input).RootElement, "111111111111"));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Contains("222222222222", error.Message, StringComparison.Ordinal);
    }
}
