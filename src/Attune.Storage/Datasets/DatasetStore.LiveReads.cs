using Attune.Storage.Schemas;

namespace Attune.Storage.Datasets;

/// <summary>The put log as the live path reads it.</summary>
public sealed partial class DatasetStore
{
    /// <summary>A user's put-origin interactions after <paramref name="afterSequence"/> (the put table's rowid), oldest first.</summary>
    public IReadOnlyList<PutEvent> ReadPutEvents(string principal, long afterSequence)
    {
        var table = DatasetLayout.PutTable(DatasetType.Interactions);
        using var connection = OpenConnection();
        if (!TableExists(connection, table))
        {
            return [];
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT t.rowid, i.id, t.ts, coalesce(e.id, ''), t.event_value
            FROM "{table}" t
            JOIN {DatasetLayout.UserIds} u ON u.idx = t.user_idx
            JOIN {DatasetLayout.ItemIds} i ON i.idx = t.item_idx
            LEFT JOIN {DatasetLayout.EventTypes} e ON e.idx = t.event_type_idx
            WHERE u.id = $principal AND t.rowid > $after
            ORDER BY t.rowid
            """;
        command.Parameters.AddWithValue("$principal", principal);
        command.Parameters.AddWithValue("$after", afterSequence);
        using var reader = command.ExecuteReader();
        var events = new List<PutEvent>();
        while (reader.Read())
        {
            events.Add(new PutEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(3),
                reader.IsDBNull(4) ? float.NaN : (float)reader.GetDouble(4), reader.GetInt64(2)));
        }
        return events;
    }
}

/// <summary>One put-origin interaction: its put-log sequence, item, event type ('' when none), value (NaN when none) and epoch seconds.</summary>
public sealed record PutEvent(long Sequence, string ItemId, string EventType, float EventValue, long Timestamp);
