using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Attune.Server.Tests.Auth;

/// <summary>One request as botocore signed it: method, raw target, headers in order, body.</summary>
internal sealed record SignedRequest(string Method, string Target, (string Name, string Value)[] Headers, byte[] Body)
{
    public string Header(string name) =>
        Headers.First(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>When botocore signed it (its X-Amz-Date, or the presigned URL's).</summary>
    public DateTimeOffset SignedAt
    {
        get
        {
            DateTimeOffset time;
            if (Headers.Any(h => h.Name == "Date"))
            {
                Assert.True(PortTime.TryParseHttpDate(Header("Date"), out time));
                return time;
            }
            var query = Target.IndexOf('?', StringComparison.Ordinal);
            var amzDate = Headers.Any(h => h.Name == "X-Amz-Date") ? Header("X-Amz-Date") : Query(Target[(query + 1)..])["X-Amz-Date"];
            Assert.True(PortTime.TryParseBasic(amzDate, out time));
            return time;
        }
    }

    public HttpRequest ToHttp() => SigV4TestRequests.Build(Method, Target, Headers);

    public SignedRequest WithHeader(string name, string value) =>
        this with { Headers = [.. Headers.Select(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase) ? (h.Name, value) : h)] };

    private static Dictionary<string, string> Query(string query) => query.Split('&')
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
}

/// <summary>
/// Runs Auth/botocore_sign.py (python3 with botocore, as every machine and CI has) once: requests signed by botocore's
/// SigV4Auth and SigV4QueryAuth just now, by case name.
/// </summary>
public sealed class BotocoreSignedRequests : IAsyncLifetime
{
    public const string AccessKeyId = "AKIDATTUNETEST";
    public const string Secret = "attune/Test+Secret0123456789EXAMPLEKEY";

    private Dictionary<string, SignedRequest> _requests = [];

    internal SignedRequest this[string name] => _requests[name];

    public async ValueTask InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "Attune.Server.Tests", "Auth", "botocore_sign.py");
        var start = new ProcessStartInfo("python3", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var cancellation = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"botocore_sign.py failed ({process.ExitCode}):\n{await stderr}");
        }
        using var json = JsonDocument.Parse(await stdout);
        _requests = json.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("name").GetString()!,
            r => new SignedRequest(
                r.GetProperty("method").GetString()!,
                r.GetProperty("target").GetString()!,
                [.. r.GetProperty("headers").EnumerateArray().Select(h => (h[0].GetString()!, h[1].GetString()!))],
                Convert.FromBase64String(r.GetProperty("body").GetString()!)));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
