using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attune.Server.ControlPlane;

/// <summary>
/// Reads members of a request that already passed model validation, so types are known to be right;
/// absent and JSON null members read as null.
/// </summary>
public static class InputReader
{
    public static string? OptionalString(this JsonElement input, string member) =>
        input.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A member the model marks required (validation has rejected its absence already).</summary>
    public static string RequiredString(this JsonElement input, string member) =>
        input.OptionalString(member) ?? throw new InvalidOperationException($"Validation let a request without '{member}' through.");

    public static int? OptionalInt(this JsonElement input, string member) =>
        input.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static bool? OptionalBool(this JsonElement input, string member) =>
        input.TryGetProperty(member, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    public static JsonElement? OptionalObject(this JsonElement input, string member) =>
        input.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static IEnumerable<JsonElement> OptionalArray(this JsonElement input, string member) =>
        input.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    /// <summary>A copy of the member as a mutable node, for storing it in a resource body unchanged.</summary>
    public static JsonNode? CopyOf(this JsonElement input, string member) =>
        input.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null ? JsonNode.Parse(value.GetRawText()) : null;

    /// <summary>Adds <paramref name="value"/> under <paramref name="member"/> unless it is null (absent members are omitted on the wire).</summary>
    public static JsonObject AddIfPresent(this JsonObject body, string member, JsonNode? value)
    {
        if (value is not null)
        {
            body[member] = value;
        }
        return body;
    }
}
