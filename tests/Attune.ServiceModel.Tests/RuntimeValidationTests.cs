using static Attune.ServiceModel.Tests.Requests;

namespace Attune.ServiceModel.Tests;

public sealed class RuntimeValidationTests
{
    private static readonly ServiceModel Model = ServiceModel.PersonalizeRuntime;
    private const string Campaign = "arn:aws:personalize:us-east-1:123456789012:campaign/c";

    [Fact]
    public void Valid_recommendation_request_passes()
    {
        Passes(Model, "GetRecommendations", $$$"""{"campaignArn":"{{{Campaign}}}","userId":"u1","numResults":0,"context":{"DEVICE":"mobile phone"}}""");
    }

    [Theory]
    [InlineData("-1", "Value '-1' at 'numResults' failed to satisfy constraint: Member must have value greater than or equal to 0")]
    [InlineData("2.5", "Value '2.5' at 'numResults' failed to satisfy constraint: Member must be an integer")]
    [InlineData("\"ten\"", "Value 'ten' at 'numResults' failed to satisfy constraint: Member must be an integer")]
    [InlineData("2147483648", "Value '2147483648' at 'numResults' failed to satisfy constraint: Member must have value less than or equal to 2147483647")]
    public void Num_results_must_be_a_non_negative_32_bit_integer(string numResults, string expected)
    {
        Assert.Equal($"1 validation error detected: {expected}", Fails(Model, "GetRecommendations", $$"""{"numResults":{{numResults}}}"""));
    }

    [Fact]
    public void Context_keys_must_match_the_pattern_and_values_are_redacted()
    {
        var message = Fails(Model, "GetRecommendations", $$$"""{"context":{"bad key":"v","OK":"{{{new string('x', 1001)}}}"}}""");

        Assert.Equal(
            "2 validation errors detected: Value 'bad key' at 'context' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [A-Za-z\\d_]+]; "
            + "Value at 'context.OK' failed to satisfy constraint: Member must have length less than or equal to 1000",
            message);
    }

    [Fact]
    public void Map_entry_count_is_bounded()
    {
        var entries = string.Join(",", Enumerable.Range(0, 26).Select(i => $"\"k{i}\":\"v\""));

        Assert.Contains(
            "Value at 'filterValues' failed to satisfy constraint: Member must have length less than or equal to 25",
            Fails(Model, "GetRecommendations", "{\"filterValues\":{" + entries + "}}"));
    }

    [Fact]
    public void String_length_counts_code_points_not_utf16_units()
    {
        var emoji = "\U0001F600";
        Passes(Model, "GetRecommendations", $$"""{"itemId":"{{string.Concat(Enumerable.Repeat(emoji, 256))}}"}""");
        Assert.Contains("Member must have length less than or equal to 256", Fails(Model, "GetRecommendations", $$"""{"itemId":"{{string.Concat(Enumerable.Repeat(emoji, 257))}}"}"""));
    }

    [Fact]
    public void Escaped_strings_are_checked_after_unescaping()
    {
        Passes(Model, "GetRecommendations", """{"campaignArn":"arn:aws:personalize:us-east-1:1:campaign\/c","context":{"A\u005fB":"v"}}""");
        Assert.Contains("Value 'x\ny' at 'context'", Fails(Model, "GetRecommendations", """{"context":{"x\ny":"v"}}"""));
    }

    [Fact]
    public void Nested_list_items_inside_a_capped_list()
    {
        var message = Fails(Model, "GetRecommendations", """{"promotions":[{"name":"p","percentPromotedItems":0},{"name":"q"}]}""");

        Assert.Equal(
            "2 validation errors detected: Value at 'promotions' failed to satisfy constraint: Member must have length less than or equal to 1; "
            + "Value '0' at 'promotions.1.member.percentPromotedItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
            message);
    }
}
