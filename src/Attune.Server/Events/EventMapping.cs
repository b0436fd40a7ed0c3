using System.Globalization;
using System.Text.Json;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Events;
using Attune.Storage.Schemas;

namespace Attune.Server.Events;

/// <summary>One wire Event → the store's record: core members to their columns, the rest to schema columns if the schema has them.</summary>
internal static class EventMapping
{
    /// <summary>Epoch seconds beyond this are almost surely milliseconds (year 5138).</summary>
    private const double MaxSentAt = 1e11;

    /// <summary>
    /// The property keys Personalize refuses (the Event shape's documentation): their members are request- or
    /// session-level (userId, sessionId) or say what the event is (eventType, timestamp, recommendationId, impression).
    /// itemId, eventValue and eventAttributionSource are allowed: see <see cref="MemberProperties"/>.
    /// </summary>
    private static readonly HashSet<string> ReservedKeys = new(
        new[] { "userId", "sessionId", "eventType", "timestamp", "recommendationId", "impression" }.Select(PropertiesJson.Key),
        StringComparer.Ordinal);

    public static EventLogRecord Read(JsonElement entry, int position, AvroSchema schema)
    {
        var member = $"eventList.{position}";
        var sentAt = entry.GetProperty("sentAt").GetDouble();
        if (!(sentAt >= 0 && sentAt < MaxSentAt))
        {
            throw ApiErrors.InvalidInput($"{member}.sentAt: {sentAt.ToString(CultureInfo.InvariantCulture)} is not a time in epoch seconds.");
        }

        var columns = PropertiesJson.Read(entry.OptionalString("properties"), member + ".properties", schema, ReservedKeys);
        var impression = entry.OptionalArray("impression").Select(i => i.GetString()!).ToList();
        if (impression.Any(i => i.Contains('|', StringComparison.Ordinal)))
        {
            throw ApiErrors.InvalidInput($"{member}.impression: item ids in an impression cannot contain '|'.");
        }

        var itemId = MemberProperties.ItemId(columns, schema, entry.OptionalString("itemId"), member);
        if (itemId is null && impression.Count == 0)
        {
            throw ApiErrors.InvalidInput($"{member}.itemId (or an itemId in {member}.properties) is required unless the event records an impression list.");
        }

        // An impression-only event is kept as an impression record whatever the schema's optional columns.
        var keepAll = itemId is null;
        Set(columns, schema, "IMPRESSION", impression.Count > 0 ? string.Join('|', impression) : null, keepAll);
        Set(columns, schema, "RECOMMENDATION_ID", entry.OptionalString("recommendationId"), keepAll);
        var attributionSource = entry.OptionalObject("metricAttribution")?.OptionalString("eventAttributionSource");
        MemberProperties.CheckAttributionSource(columns, schema, attributionSource, member);
        Set(columns, schema, "EVENT_ATTRIBUTION_SOURCE", attributionSource, keepAll);
        float? eventValue = entry.TryGetProperty("eventValue", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetSingle() : null;
        if (eventValue is { } number && !float.IsFinite(number))
        {
            throw ApiErrors.InvalidInput($"{member}.eventValue: {value.GetRawText()} is out of the range of a float.");
        }

        eventValue = MemberProperties.EventValue(columns, schema, eventValue, member);

        return new EventLogRecord(entry.OptionalString("eventId"), itemId, entry.RequiredString("eventType"), eventValue,
            (long)Math.Floor(sentAt), columns);
    }

    private static void Set(Dictionary<string, string?> columns, AvroSchema schema, string field, string? value, bool keepWithoutColumn)
    {
        if (value is null)
        {
            return;
        }

        if (schema.Find(field) is { } column)
        {
            columns[column.Name] = value;
        }
        else if (keepWithoutColumn)
        {
            columns[field] = value;
        }
    }
}
