using Attune.Server.ControlPlane;
using Attune.Server.Wire;

namespace Attune.Server.Tests;

public sealed class PageTokenTests
{
    [Fact]
    public void A_token_round_trips_for_its_own_listing()
    {
        var token = PageToken.Encode("dataset|arn:aws:personalize:us-east-1:000000000000:|", 42);
        Assert.Equal(42, PageToken.Decode(token, "dataset|arn:aws:personalize:us-east-1:000000000000:|"));
    }

    [Fact]
    public void No_token_starts_at_the_beginning()
    {
        Assert.Equal(0, PageToken.Decode(null, "x"));
        Assert.Equal(0, PageToken.Decode("", "x"));
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("MTI")]
    [InlineData("eHl6fHNjaGVtYQ")]
    public void Garbage_is_an_invalid_next_token(string token)
    {
        var error = Assert.Throws<ApiException>(() => PageToken.Decode(token, "schema"));
        Assert.Equal("InvalidNextTokenException", error.ErrorCode);
    }

    [Fact]
    public void A_token_from_another_listing_is_refused()
    {
        var token = PageToken.Encode("schema|p|", 3);
        var error = Assert.Throws<ApiException>(() => PageToken.Decode(token, "dataset|p|"));
        Assert.Equal("InvalidNextTokenException", error.ErrorCode);
    }
}
