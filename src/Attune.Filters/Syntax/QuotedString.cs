using System.Text;

namespace Attune.Filters;

/// <summary>Double-quoted strings, shared by expressions and filterValues: <c>\"</c> and <c>\\</c> are escapes.</summary>
internal static class QuotedString
{
    /// <summary>Reads the string whose opening quote is at <paramref name="i"/>; false when it never closes.</summary>
    public static bool TryRead(string text, ref int i, out string value)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
            {
                i++;
            }

            builder.Append(text[i]);
            i++;
        }

        value = builder.ToString();
        if (i >= text.Length)
        {
            return false;
        }

        i++;
        return true;
    }
}
