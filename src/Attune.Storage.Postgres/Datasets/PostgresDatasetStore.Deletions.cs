using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>Data deletion jobs: users' rows removed batch by batch, each batch one transaction under the group's lock, recorded in a ledger.</summary>
public sealed partial class PostgresDatasetStore
{
    public UserDeletion DeleteUsers(string jobArn, int batch, IReadOnlyList<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        Sql.LockGroup(connection, DatasetGroupArn);
        Sql.Execute(connection, $"""
            CREATE TABLE IF NOT EXISTS {Table("user_deletions")} (
                job text NOT NULL, batch integer NOT NULL, users integer NOT NULL, rows bigint NOT NULL, PRIMARY KEY (job, batch));
            CREATE TABLE IF NOT EXISTS {Table("deleted_users")} (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id text NOT NULL);
            """);
        var done = Sql.Rows(connection, $"SELECT users, rows FROM {Table("user_deletions")} WHERE job = @job AND batch = @batch",
            reader => new UserDeletion(reader.GetInt32(0), reader.GetInt64(1)), ("job", jobArn), ("batch", batch));
        if (done.Count > 0)
        {
            return done[0];
        }

        Sql.Execute(connection,
            $"CREATE TEMP TABLE doomed ON COMMIT DROP AS SELECT idx, id FROM {Table(DatasetLayout.UserIds)} WHERE id = ANY(@ids)",
            ("ids", userIds.ToArray()));
        var hit = new HashSet<int>();
        long rows = 0;
        foreach (var (table, column) in UserTables(connection))
        {
            foreach (var user in Sql.Rows(connection, $"DELETE FROM {table} WHERE {column} IN (SELECT idx FROM doomed) RETURNING {column}",
                reader => reader.GetInt32(0)))
            {
                hit.Add(user);
                rows++;
            }
        }

        if (TableExists(connection, "put_sessions"))
        {
            Sql.Execute(connection, $"""
                DELETE FROM {Table("put_sessions")} WHERE user_id IN (SELECT id FROM doomed);
                DELETE FROM {Table("put_impressions")} WHERE user_id IN (SELECT id FROM doomed);
                """);
        }

        Sql.Execute(connection, $"INSERT INTO {Table("deleted_users")} (user_id) SELECT id FROM doomed ORDER BY idx");
        Sql.Execute(connection, $"INSERT INTO {Table("user_deletions")} (job, batch, users, rows) VALUES (@job, @batch, @users, @rows)",
            ("job", jobArn), ("batch", batch), ("users", hit.Count), ("rows", rows));
        transaction.Commit();
        return new UserDeletion(hit.Count, rows);
    }

    public DeletedUsers ReadDeletedUsers(long afterSequence)
    {
        using var connection = OpenConnection();
        using var snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        if (!TableExists(connection, "deleted_users"))
        {
            return new DeletedUsers(0, []);
        }

        var watermark = Sql.Scalar(connection, $"SELECT coalesce(max(seq), 0) FROM {Table("deleted_users")}");
        var users = Sql.Rows(connection, $"SELECT user_id FROM {Table("deleted_users")} WHERE seq > @after ORDER BY seq",
            reader => reader.GetString(0), ("after", afterSequence));
        return new DeletedUsers(watermark, users);
    }

    /// <summary>Every table holding users' rows (qualified) and its user column: all event tables, committed or not, and Users.</summary>
    private List<(string Table, string Column)> UserTables(NpgsqlConnection connection)
    {
        var tables = Sql.Rows(connection, """
            SELECT tablename FROM pg_tables
            WHERE schemaname = @schema AND tablename ~ '^(interactions|action_interactions)_(b[0-9]+|put)$'
            """, reader => (Table(reader.GetString(0)), "user_idx"), ("schema", Schema));
        if (TableExists(connection, DatasetLayout.Key(DatasetType.Users)))
        {
            tables.Add((Table(DatasetLayout.Key(DatasetType.Users)), "idx"));
        }

        return tables;
    }
}
