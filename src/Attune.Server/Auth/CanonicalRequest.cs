using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Attune.Server.Auth;

/// <summary>
/// The SigV4 canonical request, built from the request as it arrived (its raw target, not ASP.NET's decoded path):
/// method, canonical URI, canonical query string, canonical headers, signed header names, payload hash.
/// </summary>
internal static class CanonicalRequest
{
    public static string Build(HttpRequest request, SigV4Credential credential, string payloadHash)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } target
            ? target
            : request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? raw : raw[..question];
        var query = question < 0 ? string.Empty : raw[(question + 1)..];
        var text = new StringBuilder(256)
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalUri(path)).Append('\n')
            .Append(CanonicalQuery(query, credential.Presigned)).Append('\n');
        foreach (var name in SortedNames(credential.SignedHeaders))
        {
            text.Append(name).Append(':').Append(HeaderValue(request, name)).Append('\n');
        }

        return text.Append('\n').Append(string.Join(';', SortedNames(credential.SignedHeaders))).Append('\n').Append(payloadHash).ToString();
    }

    /// <summary>
    /// As botocore and the JS SDK sign every service but S3: dot segments removed, then the path (already
    /// percent-encoded as sent) encoded once more, keeping '/' and RFC 3986's unreserved characters.
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        var segments = new List<string>();
        foreach (var segment in (rawPath.Length == 0 ? "/" : rawPath).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        var normalized = "/" + string.Join('/', segments) + (rawPath.EndsWith('/') && segments.Count > 0 ? "/" : string.Empty);
        return Encode(normalized, keepSlash: true);
    }

    /// <summary>Parameters decoded, re-encoded per RFC 3986, sorted by name then value (X-Amz-Signature left out when presigned).</summary>
    public static string CanonicalQuery(string rawQuery, bool presigned)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!(presigned && name == "X-Amz-Signature"))
            {
                pairs.Add((Encode(name, keepSlash: false), Encode(value, keepSlash: false)));
            }
        }

        pairs.Sort((a, b) => a.Name != b.Name ? string.CompareOrdinal(a.Name, b.Name) : string.CompareOrdinal(a.Value, b.Value));
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>Values trimmed, inner runs of spaces collapsed, several values joined by commas.</summary>
    private static string HeaderValue(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return string.Join(',', values.Select(v => string.Join(' ', (v ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
    }

    private static IEnumerable<string> SortedNames(string[] names) => names.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal);

    private static string Encode(string value, bool keepSlash)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
