using Attune.Server.Auth;

namespace Attune.Server.Tests.Auth;

/// <summary>
/// Requests signed by real botocore (the signer boto3 and the AWS CLI use) for the three Personalize protocols:
/// accepted as sent; rejected, with AWS's code, once one thing changes.
/// </summary>
public sealed class SigV4BotocoreTests(BotocoreSignedRequests signed) : IClassFixture<BotocoreSignedRequests>
{
    private static readonly AccessKey Key = new(BotocoreSignedRequests.AccessKeyId, BotocoreSignedRequests.Secret, "123456789012");

    [Theory]
    [InlineData("control-json")]
    [InlineData("runtime-post-query")]
    [InlineData("runtime-get-path")]
    [InlineData("content-sha256")]
    [InlineData("unsigned-payload")]
    [InlineData("date-header")]
    [InlineData("presigned")]
    public void Botocores_signature_is_accepted(string name)
    {
        var request = signed[name];
        Assert.Same(Key, Verifier(request.SignedAt).Verify(request.ToHttp(), request.Body));
    }

    [Theory]
    [InlineData("control-json")]
    [InlineData("runtime-post-query")]
    [InlineData("date-header")]
    [InlineData("presigned")]
    public void Within_the_window_the_clock_may_differ_either_way(string name)
    {
        var request = signed[name];
        Assert.Same(Key, Verifier(request.SignedAt.AddMinutes(14)).Verify(request.ToHttp(), request.Body));
        Assert.Same(Key, Verifier(request.SignedAt.AddMinutes(-14)).Verify(request.ToHttp(), request.Body));
    }

    [Theory]
    [InlineData("control-json")]
    [InlineData("runtime-post-query")]
    public void One_changed_body_byte_is_rejected(string name)
    {
        var request = signed[name];
        var body = request.Body.ToArray();
        body[^2] ^= 1;
        AssertInvalidSignature(() => Verifier(request.SignedAt).Verify(request.ToHttp(), body));
    }

    [Fact]
    public void A_body_that_does_not_match_the_declared_content_hash_is_rejected()
    {
        var request = signed["content-sha256"];
        var body = request.Body.ToArray();
        body[0] ^= 1;
        var error = SigV4TestRequests.Rejects(() => Verifier(request.SignedAt).Verify(request.ToHttp(), body));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Contains("x-amz-content-sha256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_signed_header_is_rejected()
    {
        var request = signed["control-json"].WithHeader("X-Amz-Target", "AmazonPersonalize.DeleteCampaign");
        AssertInvalidSignature(() => Verifier(request.SignedAt).Verify(request.ToHttp(), request.Body));
    }

    [Fact]
    public void A_changed_query_is_rejected()
    {
        var request = signed["presigned"];
        request = request with { Target = request.Target.Replace("userId=u-1", "userId=u-2", StringComparison.Ordinal) };
        AssertInvalidSignature(() => Verifier(request.SignedAt).Verify(request.ToHttp(), request.Body));
    }

    [Theory]
    [InlineData("control-json")]
    [InlineData("presigned")]
    public void Another_secret_is_rejected(string name)
    {
        var request = signed[name];
        var verifier = new SigV4Verifier(new MemoryAccessKeys(Key with { SecretAccessKey = "another-secret" }), new FixedClock(request.SignedAt));
        AssertInvalidSignature(() => verifier.Verify(request.ToHttp(), request.Body));
    }

    [Fact]
    public void An_unknown_access_key_is_an_unrecognized_client()
    {
        var request = signed["control-json"];
        var verifier = new SigV4Verifier(new MemoryAccessKeys(), new FixedClock(request.SignedAt));
        var error = SigV4TestRequests.Rejects(() => verifier.Verify(request.ToHttp(), request.Body));
        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", error.Message);
    }

    [Fact]
    public void A_signature_16_minutes_old_has_expired()
    {
        var request = signed["control-json"];
        var now = request.SignedAt.AddMinutes(16);
        var error = SigV4TestRequests.Rejects(() => Verifier(now).Verify(request.ToHttp(), request.Body));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        var amzDate = request.Header("X-Amz-Date");
        Assert.Equal(
            $"Signature expired: {amzDate} is now earlier than {PortTime.Format(now.AddMinutes(-15))} ({PortTime.Format(now)} - 15 min.)",
            error.Message);
    }

    [Fact]
    public void A_signature_16_minutes_ahead_is_not_yet_current()
    {
        var request = signed["control-json"];
        var now = request.SignedAt.AddMinutes(-16);
        var error = SigV4TestRequests.Rejects(() => Verifier(now).Verify(request.ToHttp(), request.Body));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(
            $"Signature not yet current: {request.Header("X-Amz-Date")} is still later than "
            + $"{PortTime.Format(now.AddMinutes(15))} ({PortTime.Format(now)} + 15 min.)",
            error.Message);
    }

    [Fact]
    public void A_presigned_url_lives_for_its_x_amz_expires_and_no_longer()
    {
        var request = signed["presigned"]; // X-Amz-Expires=1200
        Assert.Same(Key, Verifier(request.SignedAt.AddMinutes(19)).Verify(request.ToHttp(), request.Body));
        var error = SigV4TestRequests.Rejects(() => Verifier(request.SignedAt.AddMinutes(21)).Verify(request.ToHttp(), request.Body));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.StartsWith("Signature expired: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_scoped_to_another_service_is_rejected_naming_personalize()
    {
        var request = signed["wrong-service"];
        var error = SigV4TestRequests.Rejects(() => Verifier(request.SignedAt).Verify(request.ToHttp(), request.Body));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal("Credential should be scoped to correct service: 'personalize'. ", error.Message);
    }

    [Fact]
    public void A_verifier_expecting_another_service_rejects_personalize()
    {
        var request = signed["control-json"];
        var verifier = new SigV4Verifier(new MemoryAccessKeys(Key), new FixedClock(request.SignedAt), "service");
        var error = SigV4TestRequests.Rejects(() => verifier.Verify(request.ToHttp(), request.Body));
        Assert.Equal("Credential should be scoped to correct service: 'service'. ", error.Message);
    }

    [Fact]
    public void No_message_carries_the_secret()
    {
        var request = signed["control-json"];
        var body = request.Body.ToArray();
        body[0] ^= 1;
        foreach (var attempt in new Action[]
        {
            () => Verifier(request.SignedAt).Verify(request.ToHttp(), body),
            () => Verifier(request.SignedAt.AddHours(1)).Verify(request.ToHttp(), request.Body),
        })
        {
            var error = SigV4TestRequests.Rejects(attempt);
            Assert.DoesNotContain(BotocoreSignedRequests.Secret, error.ToString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(BotocoreSignedRequests.Secret, Key.ToString(), StringComparison.Ordinal);
    }

    private static SigV4Verifier Verifier(DateTimeOffset now) => new(new MemoryAccessKeys(Key), new FixedClock(now));

    private static void AssertInvalidSignature(Action verify)
    {
        var error = SigV4TestRequests.Rejects(verify);
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.StartsWith("The request signature we calculated does not match", error.Message, StringComparison.Ordinal);
    }
}
