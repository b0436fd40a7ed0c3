using Attune.Storage.Import;
using Attune.Storage.Schemas;
using Attune.Storage.Datasets;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>
/// The import ledger: every bulk import is a row in <c>imports</c> whose state moves as <see cref="ImportStates"/> says.
/// Rows are visible only once committed, so a crash at any point leaves the dataset as it was.
/// </summary>
public sealed partial class SqliteDatasetStore
{
    public ImportResult Import(ImportRequest request, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var connection = OpenConnection();
        return CsvImporter.Run(SqliteStagingSession.Begin(connection, request), progress, cancellationToken);
    }

    /// <summary>Call at startup, before new imports into the group start: staging batches of live imports are discarded too.</summary>
    public IReadOnlyList<string> DiscardInterruptedImports()
    {
        using var connection = OpenConnection();
        var pending = new List<(long Batch, string Job, string Dataset, string State)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT batch, job, dataset, state FROM imports WHERE state IN ('{ImportStates.Staging}', '{ImportStates.Superseded}')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                pending.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        foreach (var (batch, _, dataset, state) in pending)
        {
            using var transaction = new WriteTransaction(connection);
            Execute(connection, $"DROP TABLE IF EXISTS \"{dataset}_b{batch}\"");
            Execute(connection, state == ImportStates.Staging
                ? "DELETE FROM imports WHERE batch = $batch"
                : $"UPDATE imports SET state = '{ImportStates.Replaced}' WHERE batch = $batch", ("$batch", batch));
            transaction.Commit();
        }

        return pending.Where(p => p.State == ImportStates.Staging).Select(p => p.Job).ToList();
    }

    public long? CommittedImportRows(string jobArn)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rows FROM imports WHERE job = $job AND state IN ('{ImportStates.Committed}', '{ImportStates.Superseded}', '{ImportStates.Replaced}')";
        command.Parameters.AddWithValue("$job", jobArn);
        return command.ExecuteScalar() is long rows ? rows : null;
    }

    public bool HasBulkImport(DatasetType type)
    {
        using var connection = OpenConnection();
        return Scalar(connection, $"SELECT count(*) FROM imports WHERE dataset = $dataset AND state = '{ImportStates.Committed}'", ("$dataset", DatasetLayout.Key(type))) > 0;
    }

    internal static long BeginImport(SqliteConnection connection, string jobArn, DatasetType type, string mode) =>
        Scalar(connection, $"INSERT INTO imports (job, dataset, mode, state) VALUES ($job, $dataset, $mode, '{ImportStates.Staging}') RETURNING batch",
            ("$job", jobArn), ("$dataset", DatasetLayout.Key(type)), ("$mode", mode));

    /// <summary>Makes the batch visible; a FULL import supersedes the dataset's earlier committed batches (inside the caller's transaction).</summary>
    internal static void MarkCommitted(SqliteConnection connection, long batch, DatasetType type, long rows, bool replacesEarlier)
    {
        if (replacesEarlier)
        {
            Execute(connection, $"UPDATE imports SET state = '{ImportStates.Superseded}' WHERE dataset = $dataset AND state = '{ImportStates.Committed}'",
                ("$dataset", DatasetLayout.Key(type)));
        }

        Execute(connection, $"UPDATE imports SET state = '{ImportStates.Committed}', rows = $rows WHERE batch = $batch", ("$rows", rows), ("$batch", batch));
    }

    /// <summary>Drops superseded batch tables, one short transaction each.</summary>
    internal static void DropSuperseded(SqliteConnection connection, DatasetType type)
    {
        var batches = new List<long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT batch FROM imports WHERE dataset = $dataset AND state = '{ImportStates.Superseded}'";
            command.Parameters.AddWithValue("$dataset", DatasetLayout.Key(type));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                batches.Add(reader.GetInt64(0));
            }
        }

        foreach (var batch in batches)
        {
            using var transaction = new WriteTransaction(connection);
            Execute(connection, $"DROP TABLE IF EXISTS \"{DatasetLayout.BatchTable(type, batch)}\"");
            Execute(connection, $"UPDATE imports SET state = '{ImportStates.Replaced}' WHERE batch = $batch", ("$batch", batch));
            transaction.Commit();
        }
    }

    /// <summary>Forgets a batch that will never commit and drops its staging table.</summary>
    internal static void Abandon(SqliteConnection connection, long batch, DatasetType type)
    {
        using var transaction = new WriteTransaction(connection);
        Execute(connection, $"DROP TABLE IF EXISTS \"{DatasetLayout.BatchTable(type, batch)}\"");
        Execute(connection, "DELETE FROM imports WHERE batch = $batch", ("$batch", batch));
        transaction.Commit();
    }
}
