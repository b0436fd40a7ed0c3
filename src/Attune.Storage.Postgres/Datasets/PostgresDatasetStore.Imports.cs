using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>
/// The import ledger (<c>imports</c>), with SQLite's states: <c>staging</c> → <c>committed</c> (→ <c>superseded</c> →
/// <c>replaced</c>). An importing session holds its batch's advisory lock for as long as it lives, so a staging batch
/// whose lock is free belongs to a dead process and is safe to discard while other silos import.
/// </summary>
public sealed partial class PostgresDatasetStore
{
    public ImportResult Import(ImportRequest request, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CsvImporter.Run(PostgresStagingSession.Begin(this, request), progress, cancellationToken);
    }

    /// <summary>Safe at any time on any silo: staging batches of imports still running elsewhere are left alone.</summary>
    public IReadOnlyList<string> DiscardInterruptedImports()
    {
        using var connection = OpenConnection();
        var pending = Sql.Rows(connection,
            $"SELECT batch, job, dataset, state FROM {Table("imports")} WHERE state IN ('{ImportStates.Staging}', '{ImportStates.Superseded}') ORDER BY batch",
            reader => (Batch: reader.GetInt64(0), Job: reader.GetString(1), Dataset: reader.GetString(2), State: reader.GetString(3)));
        var discarded = new List<string>();
        foreach (var (batch, job, dataset, state) in pending)
        {
            if (state == ImportStates.Superseded)
            {
                DropBatch(connection, batch, $"{dataset}_b{batch}", replaced: true);
                continue;
            }

            if (!Sql.Rows(connection, $"SELECT pg_try_advisory_lock({Sql.BatchLockSpace}, @batch)", reader => reader.GetBoolean(0), ("batch", (int)batch))[0])
            {
                continue; // its importer is alive
            }

            try
            {
                DropBatch(connection, batch, $"{dataset}_b{batch}", replaced: false);
                discarded.Add(job);
            }
            finally
            {
                Sql.Execute(connection, $"SELECT pg_advisory_unlock({Sql.BatchLockSpace}, @batch)", ("batch", (int)batch));
            }
        }

        return discarded;
    }

    public long? CommittedImportRows(string jobArn)
    {
        using var connection = OpenConnection();
        var rows = Sql.Rows(connection,
            $"SELECT rows FROM {Table("imports")} WHERE job = @job AND state IN ('{ImportStates.Committed}', '{ImportStates.Superseded}', '{ImportStates.Replaced}')",
            reader => reader.GetInt64(0), ("job", jobArn));
        return rows.Count == 0 ? null : rows[0];
    }

    public bool HasBulkImport(DatasetType type)
    {
        using var connection = OpenConnection();
        return Sql.Scalar(connection, $"SELECT count(*) FROM {Table("imports")} WHERE dataset = @dataset AND state = '{ImportStates.Committed}'",
            ("dataset", DatasetLayout.Key(type))) > 0;
    }

    /// <summary>
    /// Records a staging batch and creates its table, taking the batch's session advisory lock before the ledger row
    /// commits, so no other silo ever sees the row unlocked while this session lives.
    /// </summary>
    internal long BeginImport(NpgsqlConnection connection, ImportRequest request, Func<string, string> createTable)
    {
        using var transaction = connection.BeginTransaction();
        Sql.LockGroup(connection, DatasetGroupArn);
        var batch = Sql.Scalar(connection,
            $"INSERT INTO {Table("imports")} (job, dataset, mode, state) VALUES (@job, @dataset, @mode, '{ImportStates.Staging}') RETURNING batch",
            ("job", request.JobArn), ("dataset", DatasetLayout.Key(request.DatasetType)), ("mode", request.Mode.ToString().ToUpperInvariant()));
        Sql.Execute(connection, $"SELECT pg_advisory_lock({Sql.BatchLockSpace}, @batch)", ("batch", (int)batch));
        Sql.Execute(connection, createTable(Table(DatasetLayout.BatchTable(request.DatasetType, batch))));
        transaction.Commit();
        return batch;
    }

    /// <summary>Makes the batch visible; a FULL import supersedes the dataset's earlier committed batches (inside the caller's transaction).</summary>
    internal void MarkCommitted(NpgsqlConnection connection, long batch, DatasetType type, long rows, bool replacesEarlier)
    {
        if (replacesEarlier)
        {
            Sql.Execute(connection,
                $"UPDATE {Table("imports")} SET state = '{ImportStates.Superseded}' WHERE dataset = @dataset AND state = '{ImportStates.Committed}'",
                ("dataset", DatasetLayout.Key(type)));
        }

        Sql.Execute(connection, $"UPDATE {Table("imports")} SET state = '{ImportStates.Committed}', rows = @rows WHERE batch = @batch",
            ("rows", rows), ("batch", batch));
    }

    /// <summary>Drops superseded batch tables, one short transaction each.</summary>
    internal void DropSuperseded(NpgsqlConnection connection, DatasetType type)
    {
        var batches = Sql.Rows(connection,
            $"SELECT batch FROM {Table("imports")} WHERE dataset = @dataset AND state = '{ImportStates.Superseded}'",
            reader => reader.GetInt64(0), ("dataset", DatasetLayout.Key(type)));
        foreach (var batch in batches)
        {
            DropBatch(connection, batch, DatasetLayout.BatchTable(type, batch), replaced: true);
        }
    }

    /// <summary>Drops a batch's table and either marks it replaced or forgets it, in one transaction.</summary>
    internal void DropBatch(NpgsqlConnection connection, long batch, string table, bool replaced)
    {
        using var transaction = connection.BeginTransaction();
        Sql.LockGroup(connection, DatasetGroupArn);
        Sql.Execute(connection, $"DROP TABLE IF EXISTS {Table(table)}");
        Sql.Execute(connection, replaced
            ? $"UPDATE {Table("imports")} SET state = '{ImportStates.Replaced}' WHERE batch = @batch"
            : $"DELETE FROM {Table("imports")} WHERE batch = @batch", ("batch", batch));
        transaction.Commit();
    }
}
