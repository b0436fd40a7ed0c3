using System.Diagnostics;
using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>
/// One import into PostgreSQL: rows are buffered and written to the batch's own table with one binary COPY per
/// <see cref="CsvImporter.RowsPerTransaction"/> rows (each COPY commits by itself, unseen until the batch is published);
/// <see cref="Finish"/> publishes in one short transaction under the group's lock.
/// </summary>
internal sealed class PostgresStagingSession : IStagingSession
{
    private readonly PostgresDatasetStore _store;
    private readonly NpgsqlConnection _connection;
    private readonly long _batch;
    private readonly string _table;
    private readonly string _copyTarget;
    private readonly List<SchemaField> _extras;
    private readonly PostgresIdInterners _interners;
    private readonly CopyRowBuffer _buffer;
    private readonly Stopwatch _transactionClock = new();
    private long _copied;

    private PostgresStagingSession(PostgresDatasetStore store, NpgsqlConnection connection, ImportRequest request, long batch)
    {
        _store = store;
        _connection = connection;
        _batch = batch;
        Request = request;
        _extras = DatasetLayout.ExtraFields(request.DatasetType, request.Schema);
        _table = store.Table(DatasetLayout.BatchTable(request.DatasetType, batch));
        _copyTarget = $"{_table} ({PostgresLayout.CopyColumns(request.DatasetType, _extras, withSequence: true)})";
        _interners = new PostgresIdInterners(store.Schema, preloadFrom: connection);
        var dictionaries = PostgresLayout.ParameterDictionaries(request.DatasetType, _extras);
        _buffer = new CopyRowBuffer(PostgresLayout.ParameterTypes(request.DatasetType, _extras),
            dictionaries.Select(d => d is null ? null : _interners.Get(d)).ToList(), CsvImporter.RowsPerTransaction);
    }

    public ImportRequest Request { get; }

    public long Rows { get; private set; }

    public TimeSpan LongestTransaction { get; private set; }

    public bool Published { get; private set; }

    public static PostgresStagingSession Begin(PostgresDatasetStore store, ImportRequest request)
    {
        var connection = store.OpenConnection();
        try
        {
            var extras = DatasetLayout.ExtraFields(request.DatasetType, request.Schema);
            var batch = store.BeginImport(connection, request, table => DatasetLayout.IsEventDataset(request.DatasetType)
                ? PostgresLayout.CreateEventTable(table, extras)
                : PostgresLayout.CreateEntityStaging(table, extras));
            // Staging commits need no fsync: until the (synchronous) publishing commit flushes the WAL, a crash may only
            // lose rows of a batch that was never visible and is discarded anyway.
            Sql.Execute(connection, "SET synchronous_commit = off");
            return new PostgresStagingSession(store, connection, request, batch);
        }
        catch
        {
            // Closing the connection releases the batch lock: DiscardInterruptedImports removes what was created.
            connection.Dispose();
            throw;
        }
    }

    public RowWriter WriterFor(int[] sources) =>
        new(Request.DatasetType, Request.Schema, sources, _buffer, _interners.Get);

    public bool CountRow()
    {
        Rows++;
        if (Rows % CsvImporter.RowsPerTransaction != 0)
        {
            return false;
        }

        Flush();
        return true;
    }

    public void Finish()
    {
        Flush();
        var type = Request.DatasetType;
        var full = Request.Mode == ImportMode.Full;
        _transactionClock.Restart();
        using (var transaction = _connection.BeginTransaction())
        {
            Sql.Execute(_connection, "SET LOCAL synchronous_commit = on");
            Sql.LockGroup(_connection, _store.DatasetGroupArn);
            if (!DatasetLayout.IsEventDataset(type))
            {
                _store.EnsureEntityTable(_connection, type, _extras);
                if (full)
                {
                    Sql.Execute(_connection, $"DELETE FROM {_store.Table(DatasetLayout.Key(type))} WHERE origin = {DatasetLayout.OriginBulk}");
                }

                _store.MergeEntities(_connection, type, _table, _extras, DatasetLayout.OriginBulk);
                Sql.Execute(_connection, $"DROP TABLE {_table}");
            }

            _store.MarkCommitted(_connection, _batch, type, Rows, replacesEarlier: full);
            transaction.Commit();
        }

        Published = true;
        Measure();
        try
        {
            _store.DropSuperseded(_connection, type);
        }
        catch (NpgsqlException)
        {
            // The import is committed and acknowledged; replaced batches left behind are dropped by DiscardInterruptedImports.
        }
    }

    public void Abandon()
    {
        try
        {
            _store.DropBatch(_connection, _batch, DatasetLayout.BatchTable(Request.DatasetType, _batch), replaced: false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection released the batch lock with it: DiscardInterruptedImports finishes the cleanup.
        }
    }

    public void Dispose()
    {
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                Sql.Execute(_connection, $"RESET synchronous_commit; SELECT pg_advisory_unlock({Sql.BatchLockSpace}, @batch)", ("batch", (int)_batch));
            }
        }
        catch (NpgsqlException)
        {
            // Closing the connection below releases the lock all the same.
        }

        _connection.Dispose();
    }

    private void Flush()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        _transactionClock.Restart();
        _interners.Resolve(_connection);
        _buffer.CopyTo(_connection, _copyTarget, firstSequence: _copied + 1);
        _copied += _buffer.Count;
        _interners.ClearPending();
        _buffer.Clear();
        Measure();
    }

    private void Measure()
    {
        if (_transactionClock.Elapsed > LongestTransaction)
        {
            LongestTransaction = _transactionClock.Elapsed;
        }
    }
}
