using Attune.Server.Auth;

namespace Attune.Server.Tests.Auth;

/// <summary>Requests that are not signed, or signed incompletely: AWS's code and wording, HTTP 403, before any crypto.</summary>
public sealed class SigV4ErrorsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly AccessKey Key = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "000000000000");
    private static readonly SigV4Verifier Verifier = new(new MemoryAccessKeys(Key), new FixedClock(Now));

    private const string Signature = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    private const string Credential = "AKIDEXAMPLE/20261125/us-east-1/personalize/aws4_request";

    [Fact]
    public void Without_authorization_or_a_presigned_query_the_token_is_missing()
    {
        var error = Reject("/recommendations?userId=u1", ("Host", "localhost"));
        Assert.Equal("MissingAuthenticationTokenException", error.ErrorCode);
        Assert.Equal("Missing Authentication Token", error.Message);
    }

    [Fact]
    public void A_bearer_token_lacks_every_sigv4_part()
    {
        var error = Reject("/", ("Host", "localhost"), ("Authorization", "Bearer abc.def"));
        Assert.Equal("IncompleteSignatureException", error.ErrorCode);
        Assert.Equal(
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either "
            + "a 'X-Amz-Date' or a 'Date' header.",
            error.Message);
    }

    [Fact]
    public void A_header_without_signature_names_it()
    {
        var error = Reject("/", ("Host", "localhost"), ("X-Amz-Date", "20261125T100000Z"),
            ("Authorization", $"AWS4-HMAC-SHA256 Credential={Credential}, SignedHeaders=host;x-amz-date"));
        Assert.Equal("IncompleteSignatureException", error.ErrorCode);
        Assert.Equal("Authorization header requires 'Signature' parameter.", error.Message);
    }

    [Fact]
    public void A_parameter_without_equal_sign_is_named()
    {
        var error = Reject("/", ("Host", "localhost"), ("X-Amz-Date", "20261125T100000Z"),
            ("Authorization", $"AWS4-HMAC-SHA256 Credential={Credential}, SignedHeaders, Signature={Signature}"));
        Assert.Equal("IncompleteSignatureException", error.ErrorCode);
        Assert.Equal("'SignedHeaders' not a valid key=value pair (missing equal-sign) in Authorization header.", error.Message);
    }

    [Fact]
    public void A_date_not_in_basic_format_is_incomplete()
    {
        var error = Reject("/", ("Host", "localhost"), ("X-Amz-Date", "2026-11-25T10:00:00Z"), Signed(Credential));
        Assert.Equal("IncompleteSignatureException", error.ErrorCode);
        Assert.StartsWith("Date must be in ISO-8601 'basic format'. Got '2026-11-25T10:00:00Z'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_with_four_elements_is_incomplete()
    {
        var error = Reject("/", ("Host", "localhost"), ("X-Amz-Date", "20261125T100000Z"), Signed("AKIDEXAMPLE/20261125/us-east-1/personalize"));
        Assert.Equal("IncompleteSignatureException", error.ErrorCode);
        Assert.StartsWith("Credential must have exactly 5 slash-delimited elements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scope_date_must_be_the_requests_day()
    {
        var error = Reject("/", ("Host", "localhost"), ("X-Amz-Date", "20261125T100000Z"), Signed("AKIDEXAMPLE/20261124/us-east-1/personalize/aws4_request"));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261124' != '20261125', from 'X-Amz-Date'.",
            error.Message);
    }

    [Fact]
    public void The_scope_must_end_in_aws4_request()
    {
        var error = Reject("/", ("Host", "localhost"), ("X-Amz-Date", "20261125T100000Z"), Signed("AKIDEXAMPLE/20261125/us-east-1/personalize/aws5_request"));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal("Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.", error.Message);
    }

    [Fact]
    public void Host_must_be_signed()
    {
        var error = Reject("/", ("Host", "localhost"), ("X-Amz-Date", "20261125T100000Z"),
            ("Authorization", $"AWS4-HMAC-SHA256 Credential={Credential}, SignedHeaders=x-amz-date, Signature={Signature}"));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", error.Message);
    }

    [Fact]
    public void A_signature_that_is_not_hex_does_not_match()
    {
        var error = Reject("/", ("Host", "localhost"), ("X-Amz-Date", "20261125T100000Z"),
            ("Authorization", $"AWS4-HMAC-SHA256 Credential={Credential}, SignedHeaders=host;x-amz-date, Signature=zz"));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
    }

    [Fact]
    public void A_presigned_query_names_its_missing_parameters()
    {
        var error = Reject("/recommendations?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261125T100000Z", ("Host", "localhost"));
        Assert.Equal("IncompleteSignatureException", error.ErrorCode);
        Assert.Equal(
            "AWS query-string parameters must include 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders'. "
            + "Re-examine the query-string parameters.",
            error.Message);
    }

    [Fact]
    public void A_presigned_url_may_not_live_longer_than_a_week()
    {
        var error = Reject(
            $"/recommendations?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={Uri.EscapeDataString(Credential)}"
            + $"&X-Amz-Date=20261125T100000Z&X-Amz-Expires=604801&X-Amz-SignedHeaders=host&X-Amz-Signature={Signature}",
            ("Host", "localhost"));
        Assert.Equal("IncompleteSignatureException", error.ErrorCode);
        Assert.Equal("X-Amz-Expires must be less than a week (in seconds) that is; 604800", error.Message);
    }

    private static (string, string) Signed(string credential) =>
        ("Authorization", $"AWS4-HMAC-SHA256 Credential={credential}, SignedHeaders=host;x-amz-date, Signature={Signature}");

    private static Attune.Server.Wire.ApiException Reject(string target, params (string, string)[] headers) =>
        SigV4TestRequests.Rejects(() => Verifier.Verify(SigV4TestRequests.Build("GET", target, headers), []));
}
