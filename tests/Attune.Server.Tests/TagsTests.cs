using System.Text.Json;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;

namespace Attune.Server.Tests;

public sealed class TagsTests
{
    [Fact]
    public void Tags_are_read_in_order()
    {
        using var input = JsonDocument.Parse("""{"tags":[{"tagKey":"env","tagValue":"dev"},{"tagKey":"team","tagValue":""}]}""");
        var tags = Tags.Read(input.RootElement);
        Assert.Equal([new("env", "dev"), new("team", "")], tags);
    }

    [Fact]
    public void Absent_tags_are_none() =>
        Assert.Empty(Tags.Read(JsonDocument.Parse("{}").RootElement));

    [Fact]
    public void The_aws_prefix_is_reserved()
    {
        using var input = JsonDocument.Parse("""{"tags":[{"tagKey":"AWS:owner","tagValue":"x"}]}""");
        var error = Assert.Throws<ApiException>(() => Tags.Read(input.RootElement));
        Assert.Equal("InvalidInputException", error.ErrorCode);
        Assert.Contains("aws:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_may_appear_once()
    {
        using var input = JsonDocument.Parse("""{"tags":[{"tagKey":"a","tagValue":"1"},{"tagKey":"a","tagValue":"2"}]}""");
        Assert.Equal("InvalidInputException", Assert.Throws<ApiException>(() => Tags.Read(input.RootElement)).ErrorCode);
    }

    [Fact]
    public void More_than_fifty_tags_are_too_many()
    {
        var tags = string.Join(',', Enumerable.Range(0, 51).Select(i => $$"""{"tagKey":"k{{i}}","tagValue":"v"}"""));
        using var input = JsonDocument.Parse($$"""{"tags":[{{tags}}]}""");
        Assert.Equal("TooManyTagsException", Assert.Throws<ApiException>(() => Tags.Read(input.RootElement)).ErrorCode);
    }
}
