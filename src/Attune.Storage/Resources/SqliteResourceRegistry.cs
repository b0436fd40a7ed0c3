using Microsoft.Data.Sqlite;

namespace Attune.Storage.Resources;

/// <summary>
/// <see cref="IResourceRegistry"/> on a SQLite file in WAL mode. Writes are serialized in-process (SQLite has one
/// writer anyway) so that check-then-write sequences in callers see a consistent catalog.
/// </summary>
public sealed class SqliteResourceRegistry : IResourceRegistry, IDisposable
{
    private const string Columns = "arn, kind, name, parent_arn, status, created, updated, body, seq";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteResourceRegistry(string databasePath)
    {
        _connectionString = SqliteFiles.ConnectionString(databasePath);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS resources (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                arn TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                parent_arn TEXT,
                status TEXT NOT NULL,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS resources_by_kind ON resources(kind, seq);
            CREATE INDEX IF NOT EXISTS resources_by_parent ON resources(parent_arn, kind);
            CREATE TABLE IF NOT EXISTS tags (
                arn TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (arn, key)) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    public async Task<bool> TryInsertAsync(
        ResourceRecord record, IReadOnlyList<KeyValuePair<string, string>> tags, CancellationToken cancellationToken = default)
    {
        return await WriteAsync(async connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO resources (arn, kind, name, parent_arn, status, created, updated, body)
                VALUES ($arn, $kind, $name, $parent, $status, $created, $updated, $body)
                ON CONFLICT(arn) DO NOTHING
                """;
            Bind(command, record);
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
            await UpsertTagsAsync(connection, transaction, record.Arn, tags, cancellationToken);
            transaction.Commit();
            return true;
        }, cancellationToken);
    }

    public async Task<ResourceRecord?> GetAsync(string arn, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM resources WHERE arn = $arn";
        command.Parameters.AddWithValue("$arn", arn);
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<bool> UpdateAsync(ResourceRecord record, CancellationToken cancellationToken = default) =>
        UpdateWhereAsync(record, expectedStatus: null, cancellationToken);

    public Task<bool> UpdateIfStatusAsync(ResourceRecord record, string expectedStatus, CancellationToken cancellationToken = default) =>
        UpdateWhereAsync(record, expectedStatus ?? throw new ArgumentNullException(nameof(expectedStatus)), cancellationToken);

    public Task<bool> UpdateIfUnchangedAsync(ResourceRecord record, ResourceRecord current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        return UpdateWhereAsync(record, current.Status, cancellationToken, current.Body);
    }

    private async Task<bool> UpdateWhereAsync(
        ResourceRecord record, string? expectedStatus, CancellationToken cancellationToken, string? expectedBody = null)
    {
        return await WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE resources SET kind = $kind, name = $name, parent_arn = $parent, status = $status,
                    created = $created, updated = $updated, body = $body
                WHERE arn = $arn AND ($expected IS NULL OR status = $expected) AND ($expectedBody IS NULL OR body = $expectedBody)
                """;
            Bind(command, record);
            command.Parameters.AddWithValue("$expected", (object?)expectedStatus ?? DBNull.Value);
            command.Parameters.AddWithValue("$expectedBody", (object?)expectedBody ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    public async Task SetBodyMemberAsync(
        string arn, string member, string jsonValue, double updatedAt, CancellationToken cancellationToken = default)
    {
        await WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE resources
                SET body = json_set(body, $path, json($value), '$.lastUpdatedDateTime', $updated), updated = $updated
                WHERE arn = $arn
                """;
            command.Parameters.AddWithValue("$arn", arn);
            command.Parameters.AddWithValue("$path", "$." + member);
            command.Parameters.AddWithValue("$value", jsonValue);
            command.Parameters.AddWithValue("$updated", updatedAt);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string arn, CancellationToken cancellationToken = default)
    {
        return await WriteAsync(async connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM tags WHERE arn = $arn; DELETE FROM resources WHERE arn = $arn";
            command.Parameters.AddWithValue("$arn", arn);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            transaction.Commit();
            return deleted;
        }, cancellationToken);
    }

    public Task<ResourcePage> ListAsync(
        string kind, string arnPrefix, string? parentArn, long afterSequence, int maxResults,
        CancellationToken cancellationToken = default) =>
        ListAsync(kind, arnPrefix, parentArn, afterSequence, maxResults, newestFirst: false, cancellationToken);

    public Task<ResourcePage> ListNewestFirstAsync(
        string kind, string arnPrefix, string? parentArn, long beforeSequence, int maxResults,
        CancellationToken cancellationToken = default) =>
        ListAsync(kind, arnPrefix, parentArn, beforeSequence, maxResults, newestFirst: true, cancellationToken);

    private async Task<ResourcePage> ListAsync(
        string kind, string arnPrefix, string? parentArn, long afterSequence, int maxResults, bool newestFirst,
        CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        var (condition, order) = ResourceRegistrySql.Paging("$after", newestFirst);
        command.CommandText = $"""
            SELECT {Columns} FROM resources
            WHERE kind = $kind AND {condition} AND substr(arn, 1, length($prefix)) = $prefix
              AND ($parent IS NULL OR parent_arn = $parent)
            ORDER BY {order} LIMIT $limit
            """;
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$prefix", arnPrefix);
        command.Parameters.AddWithValue("$parent", (object?)parentArn ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", maxResults + 1);
        var rows = await ReadAsync(command, cancellationToken);
        return ResourcePage.From(rows, maxResults);
    }

    public Task<IReadOnlyList<ResourceRecord>> ListLiveChildrenAsync(
        string parentArn, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default) =>
        ListChildrenAsync(parentArn, kinds, includeDeleting: false, cancellationToken);

    public Task<IReadOnlyList<ResourceRecord>> ListChildrenAsync(
        string parentArn, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default) =>
        ListChildrenAsync(parentArn, kinds, includeDeleting: true, cancellationToken);

    private async Task<IReadOnlyList<ResourceRecord>> ListChildrenAsync(
        string parentArn, IReadOnlyCollection<string> kinds, bool includeDeleting, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM resources
            WHERE parent_arn = $parent AND kind IN (SELECT value FROM json_each($kinds))
              AND ($all OR status NOT IN ({ResourceRegistrySql.DeleteStatuses}))
            ORDER BY seq
            """;
        command.Parameters.AddWithValue("$parent", parentArn);
        command.Parameters.AddWithValue("$kinds", System.Text.Json.JsonSerializer.Serialize(kinds));
        command.Parameters.AddWithValue("$all", includeDeleting);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ResourceRecord>> ListTransientAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM resources
            WHERE status IN ({ResourceRegistrySql.TransientStatuses})
            ORDER BY seq
            """;
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ResourceRecord>> ListReferencingAsync(
        string kind, string member, string arn, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM resources
            WHERE kind = $kind AND json_extract(body, $path) = $arn
            ORDER BY seq
            """;
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$path", "$." + member);
        command.Parameters.AddWithValue("$arn", arn);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> GetTagsAsync(
        string arn, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM tags WHERE arn = $arn ORDER BY key";
        command.Parameters.AddWithValue("$arn", arn);
        var tags = new List<KeyValuePair<string, string>>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tags.Add(new(reader.GetString(0), reader.GetString(1)));
        }
        return tags;
    }

    public async Task<bool> SetTagsAsync(
        string arn, IReadOnlyList<KeyValuePair<string, string>> tags, int maxTags,
        CancellationToken cancellationToken = default)
    {
        return await WriteAsync(async connection =>
        {
            using var transaction = connection.BeginTransaction();
            await UpsertTagsAsync(connection, transaction, arn, tags, cancellationToken);
            using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT count(*) FROM tags WHERE arn = $arn";
            count.Parameters.AddWithValue("$arn", arn);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) > maxTags)
            {
                transaction.Rollback();
                return false;
            }
            transaction.Commit();
            return true;
        }, cancellationToken);
    }

    public async Task RemoveTagsAsync(string arn, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        await WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM tags WHERE arn = $arn AND key IN (SELECT value FROM json_each($keys))";
            command.Parameters.AddWithValue("$arn", arn);
            command.Parameters.AddWithValue("$keys", System.Text.Json.JsonSerializer.Serialize(keys));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public void Dispose() => _writeLock.Dispose();

    /// <summary>Runs a write with the in-process write lock held, on its own connection.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            return await write(connection);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private SqliteConnection Open() => SqliteFiles.Open(_connectionString);

    private static async Task UpsertTagsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string arn,
        IReadOnlyList<KeyValuePair<string, string>> tags, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in tags)
        {
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO tags (arn, key, value) VALUES ($arn, $key, $value)
                ON CONFLICT(arn, key) DO UPDATE SET value = excluded.value
                """;
            upsert.Parameters.AddWithValue("$arn", arn);
            upsert.Parameters.AddWithValue("$key", key);
            upsert.Parameters.AddWithValue("$value", value);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Bind(SqliteCommand command, ResourceRecord record)
    {
        command.Parameters.AddWithValue("$arn", record.Arn);
        command.Parameters.AddWithValue("$kind", record.Kind);
        command.Parameters.AddWithValue("$name", record.Name);
        command.Parameters.AddWithValue("$parent", (object?)record.ParentArn ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", record.Status);
        command.Parameters.AddWithValue("$created", record.CreatedAt);
        command.Parameters.AddWithValue("$updated", record.UpdatedAt);
        command.Parameters.AddWithValue("$body", record.Body);
    }

    private static async Task<List<ResourceRecord>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<ResourceRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ResourceRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                reader.GetDouble(5), reader.GetDouble(6), reader.GetString(7))
            { Sequence = reader.GetInt64(8) });
        }
        return rows;
    }
}
