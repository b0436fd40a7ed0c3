using System.Text;
using System.Text.RegularExpressions;

namespace Attune.ServiceModel;

/// <summary>
/// Turns the Java regular expressions of AWS models into .NET ones with full-match semantics,
/// the way AWS's validators apply them (the whole value must match, not a substring).
/// NonBacktracking keeps matching linear in the input, so no model pattern can be turned into a ReDoS.
/// </summary>
internal static class JavaRegex
{
    // NonBacktracking matches in linear time; the limit only guards the lazy DFA construction, which can take over
    // 100 ms on a process's first request on a busy host (a valid name was then rejected as not matching).
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static Regex Compile(string javaPattern) =>
        new($@"\A(?:{ToDotNet(javaPattern)})\z",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking,
            MatchTimeout);

    /// <summary>Rewrites the escapes whose meaning differs: Java's \d, \w, \s are ASCII-only and .NET lacks \p{ASCII}.</summary>
    internal static string ToDotNet(string javaPattern)
    {
        var result = new StringBuilder(javaPattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < javaPattern.Length; i++)
        {
            var c = javaPattern[i];
            if (c == '\\' && i + 1 < javaPattern.Length)
            {
                var escape = TranslateEscape(javaPattern, i, out var consumed);
                if (escape is null)
                {
                    result.Append(c).Append(javaPattern[i + 1]);
                    i++;
                    continue;
                }

                result.Append(inClass ? escape : $"[{escape}]");
                i += consumed - 1;
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>The character-class body for an escape that needs rewriting, or null to copy it unchanged.</summary>
    private static string? TranslateEscape(string pattern, int at, out int consumed)
    {
        consumed = 2;
        switch (pattern[at + 1])
        {
            case 'd': return "0-9";
            case 'w': return "a-zA-Z0-9_";
            case 's': return @" \t\n\x0B\f\r";
        }

        const string Ascii = @"\p{ASCII}";
        if (string.CompareOrdinal(pattern, at, Ascii, 0, Ascii.Length) == 0)
        {
            consumed = Ascii.Length;
            return @"\x00-\x7F";
        }

        return null;
    }
}
