using Attune.Storage.Datasets;
using Attune.Storage.Events;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Schemas;
using Npgsql;

namespace Attune.Storage.Postgres.Events;

/// <summary>
/// Commits PutEvents groups to one dataset group's PostgreSQL event log for the group's writer, which keeps it so that the
/// id cache outlives one commit; each commit borrows a pooled connection, so idle groups hold none. Every commit holds the group's advisory lock from before it reserves its
/// Sequences until COMMIT, so silos appending to the same group serialize: Sequences follow commit order (a snapshot that
/// sees a Sequence sees every smaller one), and eventId de-duplication and session claims see every earlier commit.
/// The commit is synchronous (the server's default), so an acknowledged event is durable. Discard it after any failure.
/// Under the same lock each commit checks that the group's schema is still the one this session first saw (its oid: a
/// deleted and recreated group has a new one), and creates nothing for a deleted group: it throws
/// <see cref="DatasetGroupDeletedException"/>, so caches of the deleted group's ids and tables are never used again.
/// </summary>
internal sealed class PostgresEventLog : IEventLogSession
{
    private readonly PostgresDatasetStore _store;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresIdInterners _interners;
    private readonly HashSet<string> _ensuredSchemas = new(StringComparer.Ordinal);
    private string? _sequence;
    private uint? _incarnation;

    public PostgresEventLog(NpgsqlDataSource dataSource, PostgresDatasetStore store)
    {
        _store = store;
        _dataSource = dataSource;
        _interners = new PostgresIdInterners(store.Schema, preloadFrom: null);
    }

    public (EventLogCommit? Commit, Exception? Error)[] Append(IReadOnlyList<(AvroSchema Schema, EventLogBatch Batch)> batches)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var putBatches = batches.Select(b => b.Batch).ToList();

        // Once this session has created the bookkeeping, reading it goes in the lock's round trip.
        var (putTableExists, known) = LockAndRead(connection, putBatches, withBookkeeping: _sequence is not null);
        var sequence = EnsureEventLog(connection, batches.Select(b => b.Schema), putTableExists);
        var (eventIds, owners) = putTableExists ? known ?? ReadBookkeeping(connection, putBatches) : ([], []);
        var staging = new EventLogStaging(_store, _interners, eventIds, owners);
        var outcomes = new (EventLogCommit? Commit, Exception? Error)[batches.Count];
        var staged = new StagedCommit?[batches.Count];
        for (var i = 0; i < batches.Count; i++)
        {
            try
            {
                staged[i] = staging.Add(batches[i].Schema, batches[i].Batch);
            }
            catch (EventRejectedException e)
            {
                outcomes[i] = (null, e);
            }
        }

        staging.Write(connection, sequence);
        transaction.Commit();
        for (var i = 0; i < batches.Count; i++)
        {
            if (staged[i] is { } commit)
            {
                outcomes[i] = (commit.ToCommit(), null);
            }
        }

        return outcomes;
    }

    /// <summary>Nothing to release: every commit returns its connection to the pool.</summary>
    public void Dispose()
    {
    }

    /// <summary>
    /// Takes the group's lock and checks the group is the one this session knows; tells whether the put table exists and,
    /// <paramref name="withBookkeeping"/>, reads the bookkeeping the batches touch.
    /// </summary>
    private (bool PutTableExists, (HashSet<string>, Dictionary<string, string>)? Known) LockAndRead(NpgsqlConnection connection, List<EventLogBatch> batches, bool withBookkeeping)
    {
        using var batch = new NpgsqlBatch(connection);
        Sql.Add(batch, Sql.LockGroupSql, Sql.Positional(_store.DatasetGroupArn));
        Sql.Add(batch, EventLogSql.SchemaIncarnation, Sql.Positional(_store.Schema));
        Sql.Add(batch, EventLogSql.PutTableExists, Sql.Positional(_store.Table(EventLogSql.PutTable)));
        if (withBookkeeping)
        {
            AddBookkeepingReads(batch, batches);
        }

        using var reader = batch.ExecuteReader();
        reader.NextResult();
        var incarnation = reader.Read() ? reader.GetFieldValue<uint>(0) : (uint?)null;
        if (incarnation is null || (_incarnation is { } known && known != incarnation))
        {
            throw new DatasetGroupDeletedException(_store.DatasetGroupArn);
        }

        _incarnation = incarnation;
        reader.NextResult();
        reader.Read();
        var exists = reader.GetBoolean(0);
        return (exists, withBookkeeping && reader.NextResult() ? ReadBookkeeping(reader) : null);
    }

    private (HashSet<string>, Dictionary<string, string>) ReadBookkeeping(NpgsqlConnection connection, List<EventLogBatch> batches)
    {
        using var batch = new NpgsqlBatch(connection);
        AddBookkeepingReads(batch, batches);
        using var reader = batch.ExecuteReader();
        return ReadBookkeeping(reader);
    }

    /// <summary>The batches' eventIds committed before, and the users that claimed their sessions.</summary>
    private void AddBookkeepingReads(NpgsqlBatch batch, List<EventLogBatch> batches)
    {
        var eventIds = batches.SelectMany(b => b.Events).Select(e => e.EventId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        Sql.Add(batch, EventLogSql.KnownEventIds(_store.Table), Sql.Positional(eventIds));
        Sql.Add(batch, EventLogSql.SessionOwners(_store.Table), Sql.Positional(batches.Select(b => b.SessionId).Distinct(StringComparer.Ordinal).ToArray()));
    }

    /// <summary>Reads what <see cref="AddBookkeepingReads"/> asked for: the reader's current result and the next.</summary>
    private static (HashSet<string>, Dictionary<string, string>) ReadBookkeeping(NpgsqlDataReader reader)
    {
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            eventIds.Add(reader.GetString(0));
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.NextResult();
        while (reader.Read())
        {
            owners[reader.GetString(0)] = reader.GetString(1);
        }

        return (eventIds, owners);
    }

    /// <summary>
    /// Creates or widens the put table and its bookkeeping; returns the put table's Sequence generator. A missing put table
    /// means a new Interactions dataset (deleting one drops the table): the deleted one's eventIds, sessions and impressions are forgotten.
    /// </summary>
    private string EnsureEventLog(NpgsqlConnection connection, IEnumerable<AvroSchema> schemas, bool putTableExists)
    {
        var newDataset = !putTableExists;
        if (newDataset)
        {
            _ensuredSchemas.Clear();
        }

        var missing = schemas.DistinctBy(s => s.Json).Where(s => !_ensuredSchemas.Contains(s.Json)).ToList();
        if (missing.Count == 0 && _sequence is not null)
        {
            return _sequence;
        }

        var table = _store.Table(EventLogSql.PutTable);
        foreach (var schema in missing)
        {
            var extras = DatasetLayout.ExtraFields(DatasetType.Interactions, schema);
            PostgresDatasetStore.EnsureTable(connection, table, PostgresLayout.CreateEventTable(table, extras), extras);
            _ensuredSchemas.Add(schema.Json);
        }

        Sql.Execute(connection, EventLogSql.Ensure, ("schema", _store.Schema));
        if (newDataset)
        {
            Sql.Execute(connection, EventLogSql.Forget(_store.Table));
        }

        using var command = Sql.Command(connection, EventLogSql.SequenceOf, ("table", table));
        _sequence = (string)command.ExecuteScalar()!;
        return _sequence;
    }
}
