using Attune.Server.Auth;
using Attune.Server.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Attune.Server.Tests.Auth;

/// <summary>A clock that reads one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Access keys held in memory.</summary>
internal sealed class MemoryAccessKeys(params AccessKey[] keys) : IAccessKeys
{
    public AccessKey? Find(string accessKeyId) => keys.FirstOrDefault(k => k.AccessKeyId == accessKeyId);
}

/// <summary>Requests as Kestrel hands them over: the raw target (path and query as sent), headers in order, a body.</summary>
internal static class SigV4TestRequests
{
    public static HttpRequest Build(string method, string target, IEnumerable<(string Name, string Value)> headers)
    {
        var http = new DefaultHttpContext();
        var query = target.IndexOf('?', StringComparison.Ordinal);
        http.Request.Method = method;
        http.Request.Path = new PathString(Uri.UnescapeDataString(query < 0 ? target : target[..query]));
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(target[query..]);
        http.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        foreach (var (name, value) in headers)
        {
            http.Request.Headers.Append(name, value);
        }
        return http.Request;
    }

    /// <summary>Runs <paramref name="verify"/> and returns the 403 it must throw.</summary>
    public static ApiException Rejects(Action verify)
    {
        var error = Assert.Throws<ApiException>(verify);
        Assert.Equal(403, error.HttpStatus);
        return error;
    }
}

/// <summary>SigV4's two time formats, for the ported tests.</summary>
internal static class PortTime
{
    private static readonly System.Globalization.DateTimeStyles Utc =
        System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal;

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParseBasic(string value, out DateTimeOffset time) => DateTimeOffset.TryParseExact(
        value, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, Utc, out time);

    public static bool TryParseHttpDate(string value, out DateTimeOffset time) => DateTimeOffset.TryParseExact(
        value, ["r", "ddd, dd MMM yyyy HH:mm:ss '-0000'"], System.Globalization.CultureInfo.InvariantCulture, Utc, out time);
}
