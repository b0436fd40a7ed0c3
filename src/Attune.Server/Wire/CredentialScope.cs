using System.Text.RegularExpressions;

namespace Attune.Server.Wire;

/// <summary>
/// Reads the region from a SigV4 Authorization header (Credential=AKID/date/region/service/aws4_request).
/// Attune does not verify signatures: it is meant to run behind your own network controls.
/// </summary>
internal static partial class CredentialScope
{
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
