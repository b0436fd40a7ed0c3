using Attune.Server.Wire;

namespace Attune.Server.Tests;

public sealed class CredentialScopeTests
{
    [Fact]
    public void The_region_comes_from_the_sigv4_credential_scope()
    {
        const string header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/eu-west-1/personalize/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=abc";
        Assert.Equal("eu-west-1", CredentialScope.Region(header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer token")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/notadate/us-east-1/personalize/aws4_request")]
    public void Without_a_scope_there_is_no_region(string? header) => Assert.Null(CredentialScope.Region(header));
}
