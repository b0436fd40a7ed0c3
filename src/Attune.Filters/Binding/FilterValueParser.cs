namespace Attune.Filters;

/// <summary>Parses one filterValues entry: comma-separated, individually double-quoted values (<c>"a","b"</c>).</summary>
internal static class FilterValueParser
{
    /// <summary>The values, or an empty list when the entry is blank (treated like a missing entry).</summary>
    public static List<string> Parse(string name, string raw)
    {
        var values = new List<string>();
        var i = SkipSpace(raw, 0);
        if (i == raw.Length)
        {
            return values;
        }

        while (true)
        {
            if (raw[i] != '"')
            {
                throw Malformed(name, raw, i, "expected a double-quoted value");
            }

            values.Add(ReadQuoted(name, raw, ref i));
            i = SkipSpace(raw, i);
            if (i == raw.Length)
            {
                return values;
            }

            if (raw[i] != ',')
            {
                throw Malformed(name, raw, i, "expected ',' between values");
            }

            i = SkipSpace(raw, i + 1);
            if (i == raw.Length)
            {
                throw Malformed(name, raw, i, "expected a value after the last ','");
            }
        }
    }

    private static string ReadQuoted(string name, string raw, ref int i)
    {
        var start = i;
        return QuotedString.TryRead(raw, ref i, out var value)
            ? value
            : throw Malformed(name, raw, start, "the value starting here has no closing double quote");
    }

    private static int SkipSpace(string raw, int i)
    {
        while (i < raw.Length && char.IsWhiteSpace(raw[i]))
        {
            i++;
        }

        return i;
    }

    private static FilterExpressionException Malformed(string name, string raw, int index, string reason) =>
        new($"Invalid filterValues entry for {name} at position {index + 1}: {reason}; write values as a comma-separated list of double-quoted strings, e.g. \"\\\"comedy\\\",\\\"drama\\\"\" (got {raw})");
}
