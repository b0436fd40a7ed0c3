using System.Text.Json;
using Attune.Server.Wire;
using Attune.Storage.Schemas;

namespace Attune.Server.Events;

/// <summary>
/// The <c>properties</c> member of personalize-events records: a JSON string of schema columns keyed by their
/// camelCase names (numberOfRatings for NUMBER_OF_RATINGS), read as field → text in CSV conventions (categorical
/// multi-values are "a|b" strings). The keys the caller reserves are refused, naming the member.
/// </summary>
internal static class PropertiesJson
{
    /// <summary>Field name → value. <paramref name="reservedKeys"/> are compared by <see cref="Key"/>.</summary>
    public static Dictionary<string, string?> Read(string? json, string member, AvroSchema schema, IReadOnlySet<string> reservedKeys)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null)
        {
            return values;
        }

        using var document = ParseObject(json, member);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (reservedKeys.Contains(Key(property.Name)))
            {
                throw ApiErrors.InvalidInput($"{member}: '{property.Name}' cannot be a property key; it has its own member.");
            }

            var field = schema.FindProperty(property.Name)
                ?? throw ApiErrors.InvalidInput($"{member}: '{property.Name}' is not a column of the {schema.Name} schema.");
            values[field.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => throw ApiErrors.InvalidInput($"{member}: '{property.Name}' must be a string, number, boolean or null."),
            };
        }

        return values;
    }

    /// <summary>A key or field name with case and separators dropped: userId, USER_ID and user_id are one key.</summary>
    public static string Key(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    private static JsonDocument ParseObject(string json, string member)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        throw ApiErrors.InvalidInput($"{member}: Error parsing properties json; it must be a JSON object of column values.");
    }
}
