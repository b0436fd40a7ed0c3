using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Attune.Server.Auth;
using Attune.Server.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Time.Testing;

namespace Attune.Server.Tests.Auth;

/// <summary>
/// The verifier against AWS's published SigV4 test-suite vectors and against requests signed by real botocore (the
/// signer of boto3 and the AWS CLI): accepted as signed, refused with AWS's error once any signed part changes.
/// </summary>
public sealed class SigV4VerifierTests
{
    private const string SuiteKeyId = "AKIDEXAMPLE";
    private const string SuiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Account = "111111111111";

    // aws-sig-v4-test-suite (get-vanilla, get-vanilla-query-order-key-case, post-vanilla): 2015-08-30T12:36:00Z,
    // region us-east-1, service "service", host example.amazonaws.com.
    [Theory]
    [InlineData("GET", "/", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("GET", "/", "?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("POST", "/", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void The_published_test_suite_vectors_verify(string method, string path, string query, string signature)
    {
        var request = Request(method, path + query, [], [
            ("Host", "example.amazonaws.com"),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", $"AWS4-HMAC-SHA256 Credential={SuiteKeyId}/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}"),
        ]);
        var verifier = new SigV4Verifier(new Keys(new AccessKey(SuiteKeyId, SuiteSecret, Account)), Clock("2015-08-30T12:36:00Z"), "service");

        Assert.Equal(Account, verifier.Verify(request, []).AccountId);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("rest")]
    [InlineData("presigned")]
    public void Requests_botocore_signs_verify(string kind)
    {
        var signed = Botocore(kind, SuiteSecret);

        Assert.Equal(Account, Verifier(signed.SignedAt).Verify(signed.ToRequest(), signed.Body).AccountId);
    }

    [Theory]
    [InlineData("body", "InvalidSignatureException")]
    [InlineData("header", "InvalidSignatureException")]
    [InlineData("query", "InvalidSignatureException")]
    [InlineData("secret", "InvalidSignatureException")]
    [InlineData("key", "UnrecognizedClientException")]
    [InlineData("old", "InvalidSignatureException")]
    [InlineData("service", "InvalidSignatureException")]
    [InlineData("unsigned", "MissingAuthenticationTokenException")]
    [InlineData("incomplete", "IncompleteSignatureException")]
    public void Any_change_to_a_signed_request_is_refused_with_AWS_s_error(string change, string code)
    {
        var signed = Botocore(change == "query" ? "presigned" : change == "service" ? "other-service" : "rest",
            change == "secret" ? SuiteSecret + "x" : SuiteSecret);
        var body = change == "body" ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed.Body).Replace("u1", "u2", StringComparison.Ordinal)) : signed.Body;
        var headers = signed.Headers.Select(h => change switch
        {
            "header" when h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) => (h.Name, h.Value + "; charset=utf-8"),
            "key" when h.Name == "Authorization" => (h.Name, h.Value.Replace(SuiteKeyId, "AKIDUNKNOWN", StringComparison.Ordinal)),
            "incomplete" when h.Name == "Authorization" => (h.Name, h.Value[..h.Value.IndexOf(", Signature=", StringComparison.Ordinal)]),
            _ => h,
        }).Where(h => !(change == "unsigned" && h.Name == "Authorization")).ToList();
        var target = change == "query" ? signed.Target.Replace("numResults=5", "numResults=6", StringComparison.Ordinal) : signed.Target;
        var at = change == "old" ? signed.SignedAt.AddMinutes(16) : signed.SignedAt;

        var error = Assert.Throws<ApiException>(() => Verifier(at).Verify(Request(signed.Method, target, body, headers), body));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(403, error.HttpStatus);
        Assert.DoesNotContain(SuiteSecret, error.Message, StringComparison.Ordinal);
        if (change == "old")
        {
            Assert.StartsWith("Signature expired:", error.Message, StringComparison.Ordinal);
        }
    }

    private static SigV4Verifier Verifier(DateTimeOffset now) =>
        new(new Keys(new AccessKey(SuiteKeyId, SuiteSecret, Account)), Clock(now.ToString("o", System.Globalization.CultureInfo.InvariantCulture)));

    private static FakeTimeProvider Clock(string utc) => new(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    private static DefaultHttpContext Context(string method, string target, byte[] body, IEnumerable<(string Name, string Value)> headers)
    {
        var context = new DefaultHttpContext();
        var question = target.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = method;
        context.Request.Path = Uri.UnescapeDataString(question < 0 ? target : target[..question]);
        context.Request.QueryString = new QueryString(question < 0 ? string.Empty : target[question..]);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        context.Request.Body = new MemoryStream(body);
        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        return context;
    }

    private static HttpRequest Request(string method, string target, byte[] body, IEnumerable<(string Name, string Value)> headers)
        => Context(method, target, body, headers).Request;

    /// <summary>A request botocore signs in a child python3 (boto3 is on every machine here and in CI).</summary>
    private static Signed Botocore(string kind, string secret)
    {
        const string script = """
            import json, sys, datetime
            from botocore.auth import SigV4Auth, SigV4QueryAuth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials
            kind, secret = sys.argv[1], sys.argv[2]
            credentials = Credentials("AKIDEXAMPLE", secret)
            service = "elasticmapreduce" if kind == "other-service" else "personalize"
            if kind == "json":
                request = AWSRequest(method="POST", url="http://127.0.0.1:5080/", data=b'{"maxResults": 5}',
                                     headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonPersonalize.ListDatasetGroups"})
            elif kind == "presigned":
                request = AWSRequest(method="GET", url="http://127.0.0.1:5080/recommendations?numResults=5&userId=u1%20x", data=b"")
            else:
                request = AWSRequest(method="POST", url="http://127.0.0.1:5080/recommendations", data=b'{"campaignArn": "c", "userId": "u1"}',
                                     headers={"Content-Type": "application/json"})
            signer = SigV4QueryAuth(credentials, service, "eu-west-1", expires=300) if kind == "presigned" else SigV4Auth(credentials, service, "eu-west-1")
            signer.add_auth(request)
            prepared = request.prepare()
            target = prepared.url.split("127.0.0.1:5080", 1)[1]
            headers = [[k, v] for k, v in prepared.headers.items()]
            if not any(k.lower() == "host" for k, _ in headers):
                headers.append(["Host", "127.0.0.1:5080"])
            print(json.dumps({"method": prepared.method, "target": target, "body": (prepared.body or b"").decode(), "headers": headers,
                              "signedAt": signer._timestamp if hasattr(signer, "_timestamp") else request.context["timestamp"]}))
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", script, kind, secret })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        return new Signed(
            root.GetProperty("method").GetString()!,
            root.GetProperty("target").GetString()!,
            Encoding.UTF8.GetBytes(root.GetProperty("body").GetString()!),
            [.. root.GetProperty("headers").EnumerateArray().Select(h => (h[0].GetString()!, h[1].GetString()!))],
            DateTimeOffset.ParseExact(root.GetProperty("signedAt").GetString()!, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal));
    }

    private sealed record Signed(string Method, string Target, byte[] Body, List<(string Name, string Value)> Headers, DateTimeOffset SignedAt)
    {
        public HttpRequest ToRequest() => Request(Method, Target, Body, Headers);
    }

    private sealed class Keys(params AccessKey[] keys) : IAccessKeys
    {
        public AccessKey? Find(string accessKeyId) => keys.FirstOrDefault(k => k.AccessKeyId == accessKeyId);
    }
}
