using Attune.Storage.Events;
using Attune.Storage.Schemas;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>
/// A connection that commits PutEvents groups, kept open by the group's writer so that prepared statements and the
/// id caches outlive one commit. Runs with synchronous=FULL: an acknowledged event survives kill -9 of the process
/// (WAL with NORMAL would already) and a crash of the machine too; group commit pays one fsync for many requests.
/// Discard it after any failure: its caches may then be stale.
/// </summary>
internal sealed class EventLogConnection : IEventLogSession
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, EventLogAppender> _appenders = new(StringComparer.Ordinal);

    public EventLogConnection(SqliteDatasetStore store)
    {
        _connection = store.OpenConnection();
        SqliteDatasetStore.Execute(_connection, "PRAGMA synchronous=FULL");
    }

    /// <summary>Each batch under its own savepoint: a rejected one is undone alone.</summary>
    public (EventLogCommit? Commit, Exception? Error)[] Append(IReadOnlyList<(AvroSchema Schema, EventLogBatch Batch)> batches)
    {
        var outcomes = new (EventLogCommit?, Exception?)[batches.Count];
        using var transaction = new WriteTransaction(_connection);
        if (_appenders.Count > 0 && !SqliteDatasetStore.TableExists(_connection, EventLogLayout.Table))
        {
            // The Interactions dataset was deleted since the last commit: start the new one's event log afresh.
            DisposeAppenders();
        }

        for (var i = 0; i < batches.Count; i++)
        {
            var (schema, batch) = batches[i];
            try
            {
                outcomes[i] = (AppenderFor(schema).Append(batch), null);
            }
            catch (EventRejectedException e)
            {
                outcomes[i] = (null, e);
            }
        }

        transaction.Commit();
        return outcomes;
    }

    public void Dispose()
    {
        DisposeAppenders();
        _connection.Dispose();
    }

    private void DisposeAppenders()
    {
        foreach (var appender in _appenders.Values)
        {
            appender.Dispose();
        }

        _appenders.Clear();
    }

    private EventLogAppender AppenderFor(AvroSchema schema)
    {
        if (!_appenders.TryGetValue(schema.Json, out var appender))
        {
            SqliteDatasetStore.EnsureEventLog(_connection, schema);
            appender = new EventLogAppender(_connection, schema);
            _appenders.Add(schema.Json, appender);
        }

        return appender;
    }
}
