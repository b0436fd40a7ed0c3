using System.Globalization;
using Attune.Server.Wire;
using Attune.Storage.Schemas;

namespace Attune.Server.Events;

/// <summary>
/// Columns an event can name twice: as its own member and as a <c>properties</c> key (itemId ↔ ITEM_ID, as the
/// Personalize samples send it; eventValue ↔ EVENT_VALUE; eventAttributionSource ↔ EVENT_ATTRIBUTION_SOURCE).
/// Personalize does not forbid these keys, so the property stands in for an absent member; when both are given they
/// must agree, and the refusal names both.
/// </summary>
internal static class MemberProperties
{
    private const int MaxItemIdLength = 256;

    /// <summary>The event's item: the itemId member, else the properties' itemId (taken out of <paramref name="columns"/>).</summary>
    public static string? ItemId(Dictionary<string, string?> columns, AvroSchema schema, string? member, string eventMember)
    {
        var property = Take(columns, schema, "ITEM_ID");
        if (property is { Length: 0 or > MaxItemIdLength })
        {
            throw ApiErrors.InvalidInput(
                $"{eventMember}.properties: itemId must be 1 to {MaxItemIdLength} characters; it has {property.Length}.");
        }

        if (member is not null && property is not null && !string.Equals(member, property, StringComparison.Ordinal))
        {
            throw Conflict(eventMember, "itemId", $"'{member}'", "itemId", $"'{property}'");
        }

        return member ?? property;
    }

    /// <summary>The event's value: the eventValue member, else the properties' eventValue (taken out of <paramref name="columns"/>).</summary>
    public static float? EventValue(Dictionary<string, string?> columns, AvroSchema schema, float? member, string eventMember)
    {
        if (Take(columns, schema, "EVENT_VALUE") is not { } text)
        {
            return member;
        }

        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var property) || !float.IsFinite(property))
        {
            throw ApiErrors.InvalidInput($"{eventMember}.properties: eventValue '{text}' is not a finite number.");
        }

        if (member is { } value && value != property)
        {
            throw Conflict(eventMember, "eventValue", value.ToString("R", CultureInfo.InvariantCulture), "eventValue", text);
        }

        return property;
    }

    /// <summary>
    /// Refuses an EVENT_ATTRIBUTION_SOURCE property that differs from metricAttribution.eventAttributionSource; an
    /// equal or lone one stays in <paramref name="columns"/> (the member, when given, is written over it).
    /// </summary>
    public static void CheckAttributionSource(Dictionary<string, string?> columns, AvroSchema schema, string? member, string eventMember)
    {
        if (member is not null && schema.Find("EVENT_ATTRIBUTION_SOURCE") is { } column
            && columns.TryGetValue(column.Name, out var property) && property is not null
            && !string.Equals(member, property, StringComparison.Ordinal))
        {
            throw Conflict(eventMember, "metricAttribution.eventAttributionSource", $"'{member}'", "eventAttributionSource", $"'{property}'");
        }
    }

    private static string? Take(Dictionary<string, string?> columns, AvroSchema schema, string field) =>
        schema.Find(field) is { } column && columns.Remove(column.Name, out var value) ? value : null;

    private static ApiException Conflict(string eventMember, string memberPath, string memberValue, string key, string propertyValue) =>
        ApiErrors.InvalidInput(
            $"{eventMember}.{memberPath} ({memberValue}) and the {key} of {eventMember}.properties ({propertyValue}) differ; give one, or both equal.");
}
