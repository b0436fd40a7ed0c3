using Attune.Storage.Schemas;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Datasets;

/// <summary>
/// The put log of PutEvents: event rows in <c>interactions_put</c> (Sequence = rowid) plus Attune's bookkeeping
/// (<see cref="PutLogLayout"/>). Commits run with synchronous=FULL: an acknowledged event survives kill -9 of the
/// process (WAL=NORMAL would already) and also a crash of the machine; group commit pays one fsync for many requests.
/// </summary>
public sealed partial class DatasetStore
{
    /// <summary>Commits one batch in its own transaction (the group-committed path is <see cref="EventLogWriter"/>).</summary>
    public PutEventsCommit AppendEvents(AvroSchema schema, PutEventBatch batch)
    {
        var outcome = AppendEventGroup([(schema, batch)])[0];
        return outcome.Commit ?? throw outcome.Error!;
    }

    /// <summary>
    /// A principal's put-origin interactions after <paramref name="afterSequence"/>, in put-log order. The principal is a
    /// userId, or a sessionId for anonymous events no user has claimed yet.
    /// </summary>
    public IReadOnlyList<StoredEvent> ReadPutEvents(string principal, long afterSequence)
    {
        ArgumentNullException.ThrowIfNull(principal);
        using var connection = OpenConnection();
        var events = new List<StoredEvent>();
        if (!TableExists(connection, PutLogLayout.Table) || !HasPutLogColumns(connection))
        {
            return events;
        }

        using var command = connection.CreateCommand();
        command.CommandText = PutLogLayout.SelectOfPrincipal;
        command.Parameters.AddWithValue("?1", principal);
        command.Parameters.AddWithValue("?2", afterSequence);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(ReadStored(reader, principal));
        }

        return events;
    }

    /// <summary>
    /// Writes the batches in one transaction, each under its own savepoint, and commits them with one fsync.
    /// Per batch: its commit, or the error that undid it alone. A failure of the commit itself throws.
    /// </summary>
    internal (PutEventsCommit? Commit, Exception? Error)[] AppendEventGroup(IReadOnlyList<(AvroSchema Schema, PutEventBatch Batch)> batches)
    {
        var outcomes = new (PutEventsCommit?, Exception?)[batches.Count];
        using var connection = OpenConnection();
        Execute(connection, "PRAGMA synchronous=FULL");
        using var transaction = new WriteTransaction(connection);
        var appenders = new Dictionary<AvroSchema, PutEventAppender>(ReferenceEqualityComparer.Instance);
        try
        {
            for (var i = 0; i < batches.Count; i++)
            {
                var (schema, batch) = batches[i];
                if (!appenders.TryGetValue(schema, out var appender))
                {
                    EnsurePutLog(connection, schema);
                    appender = new PutEventAppender(connection, schema);
                    appenders.Add(schema, appender);
                }

                try
                {
                    outcomes[i] = (appender.Append(batch), null);
                }
                catch (EventRejectedException e)
                {
                    outcomes[i] = (null, e);
                }
            }
        }
        finally
        {
            foreach (var appender in appenders.Values)
            {
                appender.Dispose();
            }
        }

        transaction.Commit();
        return outcomes;
    }

    /// <summary>The highest put Sequence committed (0 when none), read inside the caller's snapshot.</summary>
    internal static long PutWatermark(SqliteConnection connection) =>
        TableExists(connection, PutLogLayout.Table) ? Scalar(connection, $"SELECT coalesce(max(rowid), 0) FROM {PutLogLayout.Table}") : 0;

    internal static StoredEvent ReadStored(SqliteDataReader reader, string principal) => new(
        reader.GetInt64(0),
        principal,
        reader.GetString(1),
        reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
        reader.IsDBNull(4) ? float.NaN : (float)reader.GetDouble(4),
        reader.GetInt64(3));

    private static void EnsurePutLog(SqliteConnection connection, AvroSchema schema)
    {
        var extras = DatasetLayout.ExtraFields(DatasetType.Interactions, schema);
        EnsureTable(connection, PutLogLayout.Table, DatasetLayout.CreateEventTable(PutLogLayout.Table, extras), extras);
        var columns = ColumnsOf(connection, PutLogLayout.Table).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!columns.Contains(PutLogLayout.SessionColumn))
        {
            Execute(connection, PutLogLayout.AddSessionColumn);
        }

        if (!columns.Contains(PutLogLayout.AnonymousColumn))
        {
            Execute(connection, PutLogLayout.AddAnonymousColumn);
        }

        Execute(connection, PutLogLayout.CreateBookkeeping + PutLogLayout.CreateIndexes);
    }

    private static bool HasPutLogColumns(SqliteConnection connection) =>
        ColumnsOf(connection, PutLogLayout.Table).Any(c => c.Name.Equals(PutLogLayout.AnonymousColumn, StringComparison.OrdinalIgnoreCase));
}
