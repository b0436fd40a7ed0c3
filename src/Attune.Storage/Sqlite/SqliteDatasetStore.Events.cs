using Attune.Storage.Datasets;
using Attune.Storage.Events;
using Attune.Storage.Schemas;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>
/// The event log of PutEvents: event rows in <c>interactions_put</c> (Sequence = rowid) plus Attune's bookkeeping
/// (<see cref="EventLogLayout"/>), committed durably through <see cref="EventLogConnection"/>.
/// </summary>
public sealed partial class SqliteDatasetStore
{
    public IReadOnlyList<StoredEvent> ReadEventLog(string principal, long afterSequence)
    {
        ArgumentNullException.ThrowIfNull(principal);
        using var connection = OpenConnection();
        var events = new List<StoredEvent>();
        if (!TableExists(connection, EventLogLayout.Table) || !HasEventLogColumns(connection))
        {
            return events;
        }

        using var command = connection.CreateCommand();
        command.CommandText = EventLogLayout.SelectOfPrincipal;
        command.Parameters.AddWithValue("?1", principal);
        command.Parameters.AddWithValue("?2", afterSequence);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(ReadStored(reader, principal));
        }

        return events;
    }

    /// <summary>A connection for committing PutEvents groups (see <see cref="EventLogWriter"/>).</summary>
    internal EventLogConnection OpenEventLog() => new(this);

    /// <summary>The highest put Sequence committed (0 when none), read inside the caller's snapshot.</summary>
    internal static long PutWatermark(SqliteConnection connection) =>
        TableExists(connection, EventLogLayout.Table) ? Scalar(connection, $"SELECT coalesce(max(rowid), 0) FROM {EventLogLayout.Table}") : 0;

    internal static StoredEvent ReadStored(SqliteDataReader reader, string principal) => new(
        reader.GetInt64(0),
        principal,
        reader.GetString(1),
        reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
        reader.IsDBNull(4) ? float.NaN : (float)reader.GetDouble(4),
        reader.GetInt64(3));

    /// <summary>
    /// Creates or widens the put table and the bookkeeping. A missing put table means a new Interactions dataset
    /// (deleting one drops the table): the eventIds, sessions and impressions of the deleted one are forgotten.
    /// </summary>
    internal static void EnsureEventLog(SqliteConnection connection, AvroSchema schema)
    {
        var newDataset = !TableExists(connection, EventLogLayout.Table);
        var extras = DatasetLayout.ExtraFields(DatasetType.Interactions, schema);
        EnsureTable(connection, EventLogLayout.Table, SqliteLayout.CreateEventTable(EventLogLayout.Table, extras), extras);
        var columns = ColumnsOf(connection, EventLogLayout.Table).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!columns.Contains(EventLogLayout.SessionColumn))
        {
            Execute(connection, EventLogLayout.AddSessionColumn);
        }

        if (!columns.Contains(EventLogLayout.AnonymousColumn))
        {
            Execute(connection, EventLogLayout.AddAnonymousColumn);
        }

        Execute(connection, EventLogLayout.CreateBookkeeping + EventLogLayout.CreateIndexes);
        if (newDataset)
        {
            Execute(connection, EventLogLayout.ForgetBookkeeping);
        }
    }

    private static bool HasEventLogColumns(SqliteConnection connection) =>
        ColumnsOf(connection, EventLogLayout.Table).Any(c => c.Name.Equals(EventLogLayout.AnonymousColumn, StringComparison.OrdinalIgnoreCase));
}
