using System.Diagnostics;
using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>
/// The write side of one import: a staging batch table filled in bounded transactions, the interning dictionaries
/// and the final publishing transaction.
/// </summary>
internal sealed class SqliteStagingSession : IStagingSession
{
    private readonly SqliteConnection _connection;
    private readonly long _batch;
    private readonly string _table;
    private readonly List<SchemaField> _extras;
    private readonly IdDictionaries _dictionaries;
    private readonly RawStatement _insert;
    private readonly Stopwatch _transactionClock = new();
    private WriteTransaction? _transaction;

    private SqliteStagingSession(SqliteConnection connection, ImportRequest request, long batch)
    {
        _connection = connection;
        _batch = batch;
        Request = request;
        _table = DatasetLayout.BatchTable(request.DatasetType, batch);
        _dictionaries = new IdDictionaries(connection, preload: true);
        _extras = DatasetLayout.ExtraFields(request.DatasetType, request.Schema);
        _insert = new RawStatement(connection, DatasetLayout.IsEventDataset(request.DatasetType)
            ? SqliteLayout.InsertEvent(_table, _extras)
            : SqliteLayout.UpsertEntity(_table, _extras, origin: null));

        // Checkpoints (with their fsyncs) would otherwise run inside staging commits every 1000 pages; run one at the end.
        SqliteDatasetStore.Execute(connection, "PRAGMA wal_autocheckpoint=0");
    }

    /// <summary>Records the batch in the ledger (state staging) with its empty staging table, and opens a session on it.</summary>
    public static SqliteStagingSession Begin(SqliteConnection connection, ImportRequest request)
    {
        long batch;
        using (var transaction = new WriteTransaction(connection))
        {
            batch = SqliteDatasetStore.BeginImport(connection, request.JobArn, request.DatasetType, request.Mode.ToString().ToUpperInvariant());
            var extras = DatasetLayout.ExtraFields(request.DatasetType, request.Schema);
            var table = DatasetLayout.BatchTable(request.DatasetType, batch);
            SqliteDatasetStore.Execute(connection, DatasetLayout.IsEventDataset(request.DatasetType)
                ? SqliteLayout.CreateEventTable(table, extras)
                : SqliteLayout.CreateEntityStaging(table, extras));
            transaction.Commit();
        }

        try
        {
            return new SqliteStagingSession(connection, request, batch);
        }
        catch
        {
            SqliteDatasetStore.Abandon(connection, batch, request.DatasetType);
            throw;
        }
    }

    public ImportRequest Request { get; }

    public long Rows { get; private set; }

    public TimeSpan LongestTransaction { get; private set; }

    /// <summary>True once the publishing transaction committed: the import is visible and must not be undone.</summary>
    public bool Published { get; private set; }

    /// <summary>A writer for a file whose header mapped the schema fields to <paramref name="sources"/>.</summary>
    public RowWriter WriterFor(int[] sources)
    {
        BeginIfNeeded();
        return new RowWriter(Request.DatasetType, Request.Schema, sources, _insert, _dictionaries.Get);
    }

    /// <summary>Counts a written row; at each transaction boundary commits and returns true.</summary>
    public bool CountRow()
    {
        Rows++;
        if (Rows % CsvImporter.RowsPerTransaction != 0)
        {
            return false;
        }

        CommitStaging();
        BeginIfNeeded();
        return true;
    }

    /// <summary>Publishes the batch in one short transaction, then drops what a FULL import replaced.</summary>
    public void Finish()
    {
        CommitStaging();
        var type = Request.DatasetType;
        var full = Request.Mode == ImportMode.Full;
        _transaction = new WriteTransaction(_connection);
        _transactionClock.Restart();
        if (!DatasetLayout.IsEventDataset(type))
        {
            var entityTable = DatasetLayout.Key(type);
            SqliteDatasetStore.EnsureEntityTable(_connection, type, _extras);
            var columns = DatasetLayout.ColumnList(_extras);
            if (full)
            {
                SqliteDatasetStore.Execute(_connection, $"DELETE FROM \"{entityTable}\" WHERE origin = {DatasetLayout.OriginBulk}");
            }

            SqliteDatasetStore.Execute(_connection,
                $"INSERT OR REPLACE INTO \"{entityTable}\" (idx, origin{columns}) SELECT idx, {DatasetLayout.OriginBulk}{columns} FROM \"{_table}\"");
            SqliteDatasetStore.Execute(_connection, $"DROP TABLE \"{_table}\"");
        }

        SqliteDatasetStore.MarkCommitted(_connection, _batch, type, Rows, replacesEarlier: full);
        CommitStaging();
        Published = true;
        try
        {
            SqliteDatasetStore.DropSuperseded(_connection, type);
            SqliteDatasetStore.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE)");
        }
        catch (SqliteException)
        {
            // The import is committed and acknowledged; replaced batches left behind are dropped by
            // DiscardInterruptedImports at the next start, so this must not fail the job.
        }
    }

    public void Abandon()
    {
        Dispose();
        SqliteDatasetStore.Abandon(_connection, _batch, Request.DatasetType);
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _transaction = null;
        SqliteDatasetStore.Execute(_connection, "PRAGMA wal_autocheckpoint=1000");
        _insert.Dispose();
        _dictionaries.Dispose();
    }

    private void BeginIfNeeded()
    {
        if (_transaction is null)
        {
            _transaction = new WriteTransaction(_connection);
            _transactionClock.Restart();
        }
    }

    private void CommitStaging()
    {
        if (_transaction is null)
        {
            return;
        }

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
        if (_transactionClock.Elapsed > LongestTransaction)
        {
            LongestTransaction = _transactionClock.Elapsed;
        }
    }
}
