using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>Data deletion jobs: users' rows removed batch by batch, each batch one transaction recorded in a ledger.</summary>
public sealed partial class SqliteDatasetStore
{
    private const string DeletionTables = """
        CREATE TABLE IF NOT EXISTS user_deletions (
            job TEXT NOT NULL, batch INTEGER NOT NULL, users INTEGER NOT NULL, rows INTEGER NOT NULL, PRIMARY KEY (job, batch));
        CREATE TABLE IF NOT EXISTS deleted_users (seq INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL);
        """;

    public UserDeletion DeleteUsers(string jobArn, int batch, IReadOnlyList<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        using var connection = OpenConnection();
        using var transaction = new WriteTransaction(connection);
        Execute(connection, DeletionTables);
        if (DoneBatch(connection, jobArn, batch) is { } done)
        {
            return done;
        }

        Execute(connection, """
            CREATE TEMP TABLE IF NOT EXISTS doomed_ids (id TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TEMP TABLE IF NOT EXISTS doomed (idx INTEGER PRIMARY KEY);
            DELETE FROM doomed_ids; DELETE FROM doomed;
            """);
        using (var insert = new RawStatement(connection, "INSERT OR IGNORE INTO doomed_ids (id) VALUES (?1)"))
        {
            foreach (var id in userIds)
            {
                insert.Bind(1, id);
                insert.Execute();
            }
        }

        Execute(connection, $"INSERT INTO doomed (idx) SELECT idx FROM {DatasetLayout.UserIds} WHERE id IN (SELECT id FROM doomed_ids)");
        var hit = new HashSet<long>();
        long rows = 0;
        foreach (var table in UserTables(connection))
        {
            var column = table == DatasetLayout.Key(DatasetType.Users) ? "idx" : "user_idx";
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM \"{table}\" WHERE {column} IN (SELECT idx FROM doomed) RETURNING {column}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                hit.Add(reader.GetInt64(0));
                rows++;
            }
        }

        if (TableExists(connection, "put_sessions"))
        {
            Execute(connection, """
                DELETE FROM put_sessions WHERE user_id IN (SELECT id FROM doomed_ids);
                DELETE FROM put_impressions WHERE user_id IN (SELECT id FROM doomed_ids);
                """);
        }

        Execute(connection, $"INSERT INTO deleted_users (user_id) SELECT d.id FROM {DatasetLayout.UserIds} d JOIN doomed ON doomed.idx = d.idx ORDER BY d.idx");
        Execute(connection, "INSERT INTO user_deletions (job, batch, users, rows) VALUES ($job, $batch, $users, $rows)",
            ("$job", jobArn), ("$batch", batch), ("$users", hit.Count), ("$rows", rows));
        transaction.Commit();
        return new UserDeletion(hit.Count, rows);
    }

    public DeletedUsers ReadDeletedUsers(long afterSequence)
    {
        using var connection = OpenConnection();
        using var snapshot = new ReadSnapshot(connection);
        if (!TableExists(connection, "deleted_users"))
        {
            return new DeletedUsers(0, []);
        }

        var watermark = Scalar(connection, "SELECT coalesce(max(seq), 0) FROM deleted_users");
        var users = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id FROM deleted_users WHERE seq > $after ORDER BY seq";
        command.Parameters.AddWithValue("$after", afterSequence);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            users.Add(reader.GetString(0));
        }

        return new DeletedUsers(watermark, users);
    }

    private static UserDeletion? DoneBatch(SqliteConnection connection, string jobArn, int batch)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT users, rows FROM user_deletions WHERE job = $job AND batch = $batch";
        command.Parameters.AddWithValue("$job", jobArn);
        command.Parameters.AddWithValue("$batch", batch);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new UserDeletion(reader.GetInt32(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Every table holding users' rows: all event tables (committed or not: a later commit must not bring them back) and Users.</summary>
    private static List<string> UserTables(SqliteConnection connection)
    {
        var tables = TablesOf(connection, DatasetType.Interactions).Concat(TablesOf(connection, DatasetType.ActionInteractions))
            .Where(table => table != DatasetLayout.Key(DatasetType.Interactions) && table != DatasetLayout.Key(DatasetType.ActionInteractions))
            .ToList();
        if (TableExists(connection, DatasetLayout.Key(DatasetType.Users)))
        {
            tables.Add(DatasetLayout.Key(DatasetType.Users));
        }

        return tables;
    }
}
