using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Attune.ServiceModel;

/// <summary>
/// Length, pattern and enum checks for string values. Lengths count Unicode code points (Smithy's definition),
/// so an emoji is one character even though it is two UTF-16 chars.
/// </summary>
internal static class StringConstraints
{
    private const int StackCharLimit = 256;

    /// <summary>JsonDocument does not check the UTF-8 inside strings or escapes, so validation must.</summary>
    public const string InvalidText = "Member must be valid UTF-8 text";

    /// <summary>Checks a JSON string in place: unescaped values are transcoded into a stack or pooled buffer, not a new string.</summary>
    public static void Collect(Shape shape, JsonElement value, List<string> violations)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            if (TryGetText(value) is not { } text)
            {
                violations.Add(InvalidText);
            }
            else if (HasAny(shape))
            {
                Collect(shape, text, violations);
            }

            return;
        }

        if (!Utf8.IsValid(raw))
        {
            violations.Add(InvalidText);
            return;
        }

        if (!HasAny(shape))
        {
            return;
        }

        if (raw.Length <= StackCharLimit)
        {
            Span<char> buffer = stackalloc char[StackCharLimit];
            Collect(shape, buffer[..Encoding.UTF8.GetChars(raw, buffer)], violations);
            return;
        }

        var rented = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            Collect(shape, rented.AsSpan(0, Encoding.UTF8.GetChars(raw, rented)), violations);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The string's text, or null when its UTF-8 or its \u escapes are malformed (lone surrogates).</summary>
    public static string? TryGetText(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static void Collect(Shape shape, ReadOnlySpan<char> text, List<string> violations)
    {
        if (shape.Min is not null || shape.Max is not null)
        {
            CollectLength(shape, CountCodePoints(text), violations);
        }

        if (shape.Pattern is { } pattern && !FullMatch(pattern, text))
        {
            violations.Add($"Member must satisfy regular expression pattern: {shape.PatternText}");
        }

        if (shape.Enum is { } values && !IsOneOf(values, text))
        {
            violations.Add($"Member must satisfy enum value set: [{string.Join(", ", values)}]");
        }
    }

    /// <summary>The wording AWS uses for strings, lists and maps alike.</summary>
    public static void CollectLength(Shape shape, long length, List<string> violations)
    {
        if (length < shape.Min)
        {
            violations.Add($"Member must have length greater than or equal to {Format(shape.Min.Value)}");
        }

        if (length > shape.Max)
        {
            violations.Add($"Member must have length less than or equal to {Format(shape.Max.Value)}");
        }
    }

    public static string Format(double bound) => bound.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the text is exactly one JSON value; read with a pooled buffer rather than building a document.</summary>
    public static bool IsJsonDocument(string text)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var reader = new Utf8JsonReader(utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, utf8)), new JsonReaderOptions { MaxDepth = RequestValidator.MaxJsonDepth });
            var sawValue = false;
            while (reader.Read())
            {
                sawValue = true;
            }

            return sawValue;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static bool HasAny(Shape shape) =>
        shape.Min is not null || shape.Max is not null || shape.Pattern is not null || shape.Enum is not null;

    private static int CountCodePoints(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static bool FullMatch(Regex pattern, ReadOnlySpan<char> text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsOneOf(string[] values, ReadOnlySpan<char> text)
    {
        foreach (var value in values)
        {
            if (text.SequenceEqual(value))
            {
                return true;
            }
        }

        return false;
    }
}
