using System.Text.RegularExpressions;

namespace Attune.Server.Wire;

/// <summary>
/// Reads the region from a SigV4 credential scope (Credential=AKID/date/region/service/aws4_request), in the
/// Authorization header or a presigned URL's X-Amz-Credential. In mode sigv4 the verifier has checked it first.
/// </summary>
internal static partial class CredentialScope
{
    public static string? Region(HttpRequest request)
        => Region(request.Headers.Authorization) ?? Region(request.Query["X-Amz-Credential"].ToString() is { Length: > 0 } credential
            ? $"Credential={credential}"
            : null);

    public static string? Region(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return null;
        }
        var match = CredentialPattern().Match(authorization);
        return match.Success ? match.Groups["region"].Value : null;
    }

    [GeneratedRegex(@"Credential=[^/,\s]+/\d{8}/(?<region>[a-z0-9-]{1,32})/", RegexOptions.CultureInvariant)]
    private static partial Regex CredentialPattern();
}
