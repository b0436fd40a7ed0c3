using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Attune.Grains.Batch;

/// <summary>
/// One input line of a batch job as JSON, and its output line in Personalize's form:
/// <c>{"input": ..., "output": {...}, "error": null}</c>, or <c>"output": null</c> and the line's error.
/// </summary>
internal static class BatchLine
{
    /// <summary>The line's object, or null with <paramref name="error"/> when it is not a JSON object.</summary>
    public static JsonElement? Parse(string line, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = null;
                return document.RootElement.Clone();
            }
            error = "The input line is not a JSON object.";
        }
        catch (JsonException parse)
        {
            error = $"The input line is not valid JSON: {parse.Message}";
        }
        return null;
    }

    /// <summary>The first member of <paramref name="input"/> that is not in <paramref name="allowed"/>, or null.</summary>
    public static string? UnknownMember(JsonElement input, IReadOnlyCollection<string> allowed) =>
        input.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !allowed.Contains(name));

    /// <summary>A string member, or null when absent; <paramref name="error"/> when present but not a non-empty string.</summary>
    public static string? String(JsonElement input, string member, ref string? error)
    {
        if (!input.TryGetProperty(member, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }
        error ??= $"{member} must be a non-empty string.";
        return null;
    }

    /// <summary>filterValues as a string map, or null; <paramref name="error"/> when it is not one.</summary>
    public static Dictionary<string, string>? StringMap(JsonElement input, string member, ref string? error)
    {
        if (!input.TryGetProperty(member, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            error ??= $"{member} must be an object of strings.";
            return null;
        }
        return value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    /// <summary>An output line: the input echoed (its object, or the raw text of a line that is not one), then output or error.</summary>
    public static string Write(string line, JsonElement? input, Action<Utf8JsonWriter>? output, string? error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("input");
            if (input is { } parsed)
            {
                parsed.WriteTo(writer);
            }
            else
            {
                writer.WriteStringValue(line);
            }
            writer.WritePropertyName("output");
            if (error is null && output is not null)
            {
                writer.WriteStartObject();
                output(writer);
                writer.WriteEndObject();
                writer.WriteNull("error");
            }
            else
            {
                writer.WriteNullValue();
                writer.WriteString("error", error);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
