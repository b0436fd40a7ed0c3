using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Attune.Server.Wire;

namespace Attune.Server.ControlPlane;

/// <summary>
/// nextToken for List operations: the listing it belongs to plus the last sequence number returned,
/// so a token passed to another listing is refused with InvalidNextTokenException.
/// </summary>
internal static class PageToken
{
    public static string Encode(string listing, long afterSequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{afterSequence.ToString(CultureInfo.InvariantCulture)}|{listing}"));

    public static long Decode(string? token, string listing)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && text[(bar + 1)..] == listing
                && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
        }
        throw ApiErrors.InvalidNextToken();
    }
}
