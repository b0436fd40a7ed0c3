using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>The awsJson control plane over plain HTTP, for tests that drive the server from C# (crash tests).</summary>
public sealed class ControlPlaneClient(string endpoint) : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly MediaTypeHeaderValue AwsJson = new("application/x-amz-json-1.1");
    private readonly HttpClient _http = new() { BaseAddress = new Uri(endpoint), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The operation's output; fails the test with the error body when the server refuses it.</summary>
    public async Task<JsonElement> CallAsync(string operation, object input, CancellationToken cancellationToken)
    {
        var (ok, body) = await TryCallAsync(operation, input, cancellationToken);
        Assert.True(ok, $"{operation} {JsonSerializer.Serialize(input)} failed: {body}");
        return body;
    }

    /// <summary>Whether the call succeeded, and the output or the error body (with __type and message).</summary>
    public async Task<(bool Ok, JsonElement Body)> TryCallAsync(string operation, object input, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.Add("X-Amz-Target", $"AmazonPersonalize.{operation}");
        request.Content = new StringContent(JsonSerializer.Serialize(input), Encoding.UTF8);
        request.Content.Headers.ContentType = AwsJson;
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return (response.IsSuccessStatusCode, document.RootElement.Clone());
    }

    /// <summary>Describes <paramref name="arn"/> until its status is not transient or the time is up; returns the resource.</summary>
    public async Task<JsonElement> WaitSettledAsync(
        string describe, string arnMember, string resultMember, string arn, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var resource = (await CallAsync(describe, new Dictionary<string, string> { [arnMember] = arn }, cancellationToken))
                .GetProperty(resultMember);
            var status = resource.GetProperty("status").GetString();
            if (status is not ("CREATE PENDING" or "CREATE IN_PROGRESS" or "DELETE PENDING" or "DELETE IN_PROGRESS" or "PENDING" or "IN_PROGRESS"))
            {
                return resource;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{arn} is still {status} after {timeout}: {resource}");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Calls Create&lt;Kind&gt;, waits until Describe&lt;Kind&gt; settles, asserts ACTIVE and returns the new ARN.</summary>
    public async Task<string> CreateActiveAsync(
        string create, object input, string arnMember, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var arn = (await CallAsync(create, input, cancellationToken)).GetProperty(arnMember).GetString()!;
        var kind = create["Create".Length..];
        var resource = await WaitSettledAsync(
            $"Describe{kind}", arnMember, char.ToLowerInvariant(kind[0]) + kind[1..], arn, timeout, cancellationToken);
        Assert.True(resource.GetProperty("status").GetString() == "ACTIVE", $"{create}: {resource}");
        return arn;
    }

    /// <summary>
    /// Describes <paramref name="arn"/> until it answers ResourceNotFoundException; while it exists it may only be
    /// deleting. <paramref name="diagnostics"/> adds to the failure message (the server output).
    /// </summary>
    public async Task WaitGoneAsync(
        string describe, string arnMember, string arn, TimeSpan timeout, Func<string> diagnostics, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (exists, body) = await TryCallAsync(describe, new Dictionary<string, string> { [arnMember] = arn }, cancellationToken);
            if (!exists)
            {
                Assert.True(body.GetProperty("__type").GetString() == "ResourceNotFoundException", $"{describe} {arn}: {body}");
                return;
            }
            var status = body.EnumerateObject().Single().Value.GetProperty("status").GetString();
            Assert.True(status is "DELETE PENDING" or "DELETE IN_PROGRESS" && DateTime.UtcNow < deadline,
                $"{arn} should be gone but is {body}\n--- server output\n{diagnostics()}");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The tags of a resource as a dictionary.</summary>
    public async Task<Dictionary<string, string>> TagsAsync(string arn, CancellationToken cancellationToken)
    {
        var output = await CallAsync("ListTagsForResource", new { resourceArn = arn }, cancellationToken);
        return output.GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tagKey").GetString()!, t => t.GetProperty("tagValue").GetString()!);
    }

    public static JsonObject Tag(string key, string value) => new() { ["tagKey"] = key, ["tagValue"] = value };

    public void Dispose() => _http.Dispose();
}
