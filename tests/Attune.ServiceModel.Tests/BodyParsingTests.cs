using System.Text;
using static Attune.ServiceModel.Tests.Requests;

namespace Attune.ServiceModel.Tests;

public sealed class BodyParsingTests
{
    private static readonly ServiceModel Model = ServiceModel.Personalize;

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("{\"name\":\"a\"} trailing")]
    [InlineData("{\"name\":\"a\"}{}")]
    [InlineData("{'name':'a'}")]
    [InlineData("   ")]
    public void Malformed_json_is_invalid_input(string body)
    {
        Assert.StartsWith("The request body is not valid JSON: ", Fails(Model, "CreateDatasetGroup", body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"name\"")]
    [InlineData("null")]
    [InlineData("42")]
    public void Body_must_be_an_object(string body)
    {
        Assert.Equal("The request body must be a JSON object.", Fails(Model, "ListDatasets", body));
    }

    [Fact]
    public void Invalid_utf8_is_invalid_input()
    {
        Assert.True(Model.TryGetOperation("CreateDatasetGroup", out var operation));
        using var result = RequestValidator.Validate(Model, operation, [.. "{\"name\":\""u8, 0xC3, 0x28, .. "\"}"u8]);

        Assert.Equal(
            "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must be valid UTF-8 text",
            result.Failure?.Message);
    }

    [Fact]
    public void Deep_nesting_fails_cleanly_instead_of_overflowing()
    {
        const int Depth = 100_000;
        var body = new StringBuilder("{\"name\":\"a\",\"unknown\":").Append('[', Depth).Append(']', Depth).Append('}').ToString();

        Assert.Contains("maximum configured depth", Fails(Model, "CreateDatasetGroup", body), StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogate_escapes_do_not_throw()
    {
        Assert.Equal(
            "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must be valid UTF-8 text",
            Fails(Model, "CreateDatasetGroup", """{"name":"a\ud800"}"""));
        Assert.Contains(
            "Value at 'context' failed to satisfy constraint: Map keys must satisfy constraint: [Member must be valid UTF-8 text]",
            Fails(ServiceModel.PersonalizeRuntime, "GetRecommendations", """{"context":{"\udc00":"v"}}"""));
    }

    [Fact]
    public void Operation_from_another_model_is_a_programming_error()
    {
        Assert.True(ServiceModel.PersonalizeRuntime.TryGetOperation("GetRecommendations", out var operation));

        Assert.Throws<ArgumentException>(() => RequestValidator.Validate(Model, operation, "{}"u8));
    }

    [Fact]
    public void Root_of_a_failed_result_cannot_be_read()
    {
        using var result = Validate(Model, "CreateDatasetGroup", "{}");

        Assert.Throws<InvalidOperationException>(() => result.Root);
    }
}
