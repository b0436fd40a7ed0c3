using System.Text.Json.Nodes;
using Attune.Storage.Resources;
using Npgsql;

namespace Attune.Storage.Postgres.Resources;

/// <summary>
/// <see cref="IResourceRegistry"/> on PostgreSQL (tables of deploy/sql/100-attune-catalog.sql). Every method is one transaction, so
/// silos writing concurrently stay consistent: inserts rely on the ARN's unique key, body patches lock the row, tag
/// writes take an advisory lock per ARN so that the tag cap holds. Inserts also take one catalog-wide advisory lock
/// before their row draws its sequence, so sequences become visible in order: a List page that sees sequence n sees
/// every smaller one, and a nextToken (the last sequence seen) never passes a record whose insert commits later.
/// </summary>
public sealed class PostgresResourceRegistry(NpgsqlDataSource dataSource) : IResourceRegistry
{
    private const string Columns = "arn, kind, name, parent_arn, status, created, updated, body, seq";

    public async Task<bool> TryInsertAsync(
        ResourceRecord record, IReadOnlyList<KeyValuePair<string, string>> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(tags);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var lockInserts = Command(connection, $"SELECT pg_advisory_xact_lock({Sql.ResourceInsertLockSpace}, 0)");
        await lockInserts.ExecuteNonQueryAsync(cancellationToken);
        await using var insert = Command(connection, """
            INSERT INTO attune_resources (arn, kind, name, parent_arn, status, created, updated, body)
            VALUES (@arn, @kind, @name, @parent, @status, @created, @updated, @body)
            ON CONFLICT (arn) DO NOTHING
            """, Bind(record));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await UpsertTagsAsync(connection, record.Arn, tags, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<ResourceRecord?> GetAsync(string arn, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM attune_resources WHERE arn = @arn", cancellationToken, ("arn", arn));
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
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            UPDATE attune_resources SET kind = @kind, name = @name, parent_arn = @parent, status = @status,
                created = @created, updated = @updated, body = @body
            WHERE arn = @arn AND (@expected::text IS NULL OR status = @expected) AND (@expectedBody::text IS NULL OR body = @expectedBody)
            """, [.. Bind(record), ("expected", expectedStatus), ("expectedBody", expectedBody)]);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Patches the body under a row lock in code rather than with jsonb_set, so member order and number text stay as written.</summary>
    public async Task SetBodyMemberAsync(
        string arn, string member, string jsonValue, double updatedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var select = Command(connection, "SELECT body FROM attune_resources WHERE arn = @arn FOR UPDATE", ("arn", arn));
        if (await select.ExecuteScalarAsync(cancellationToken) is not string text)
        {
            return;
        }

        var body = JsonNode.Parse(text)!.AsObject();
        body[member] = JsonNode.Parse(jsonValue);
        body["lastUpdatedDateTime"] = updatedAt;
        await using var update = Command(connection, "UPDATE attune_resources SET body = @body, updated = @updated WHERE arn = @arn",
            ("arn", arn), ("body", body.ToJsonString()), ("updated", updatedAt));
        await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string arn, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var tags = Command(connection, "DELETE FROM attune_tags WHERE arn = @arn", ("arn", arn));
        await tags.ExecuteNonQueryAsync(cancellationToken);
        await using var resource = Command(connection, "DELETE FROM attune_resources WHERE arn = @arn", ("arn", arn));
        var deleted = await resource.ExecuteNonQueryAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        return deleted;
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
        var (condition, order) = ResourceRegistrySql.Paging("@after", newestFirst);
        var rows = await QueryAsync($"""
            SELECT {Columns} FROM attune_resources
            WHERE kind = @kind AND {condition} AND starts_with(arn, @prefix)
              AND (@parent::text IS NULL OR parent_arn = @parent)
            ORDER BY {order} LIMIT @limit
            """, cancellationToken,
            ("kind", kind), ("after", afterSequence), ("prefix", arnPrefix), ("parent", parentArn), ("limit", maxResults + 1));
        return ResourcePage.From(rows, maxResults);
    }

    public Task<IReadOnlyList<ResourceRecord>> ListLiveChildrenAsync(
        string parentArn, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default) =>
        ListChildrenAsync(parentArn, kinds, includeDeleting: false, cancellationToken);

    public Task<IReadOnlyList<ResourceRecord>> ListChildrenAsync(
        string parentArn, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default) =>
        ListChildrenAsync(parentArn, kinds, includeDeleting: true, cancellationToken);

    public async Task<IReadOnlyList<ResourceRecord>> ListTransientAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync($"""
            SELECT {Columns} FROM attune_resources
            WHERE status IN ({ResourceRegistrySql.TransientStatuses})
            ORDER BY seq
            """, cancellationToken);

    public async Task<IReadOnlyList<ResourceRecord>> ListReferencingAsync(
        string kind, string member, string arn, CancellationToken cancellationToken = default) =>
        await QueryAsync($"""
            SELECT {Columns} FROM attune_resources
            WHERE kind = @kind AND body::jsonb ->> @member = @arn
            ORDER BY seq
            """, cancellationToken, ("kind", kind), ("member", member), ("arn", arn));

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> GetTagsAsync(
        string arn, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT key, value FROM attune_tags WHERE arn = @arn ORDER BY key COLLATE \"C\"", ("arn", arn));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tags = new List<KeyValuePair<string, string>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tags.Add(new(reader.GetString(0), reader.GetString(1)));
        }

        return tags;
    }

    public async Task<bool> SetTagsAsync(
        string arn, IReadOnlyList<KeyValuePair<string, string>> tags, int maxTags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockTagsAsync(connection, arn, cancellationToken);
        await UpsertTagsAsync(connection, arn, tags, cancellationToken);
        await using var count = Command(connection, "SELECT count(*) FROM attune_tags WHERE arn = @arn", ("arn", arn));
        if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > maxTags)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task RemoveTagsAsync(string arn, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockTagsAsync(connection, arn, cancellationToken);
        await using var command = Command(connection, "DELETE FROM attune_tags WHERE arn = @arn AND key = ANY(@keys)", ("arn", arn), ("keys", keys.ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ResourceRecord>> ListChildrenAsync(
        string parentArn, IReadOnlyCollection<string> kinds, bool includeDeleting, CancellationToken cancellationToken) =>
        await QueryAsync($"""
            SELECT {Columns} FROM attune_resources
            WHERE parent_arn = @parent AND kind = ANY(@kinds)
              AND (@all OR status NOT IN ({ResourceRegistrySql.DeleteStatuses}))
            ORDER BY seq
            """, cancellationToken, ("parent", parentArn), ("kinds", kinds.ToArray()), ("all", includeDeleting));

    private static async Task LockTagsAsync(NpgsqlConnection connection, string arn, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT pg_advisory_xact_lock({Sql.TagLockSpace}, hashtext(@arn))", ("arn", arn));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task UpsertTagsAsync(
        NpgsqlConnection connection, string arn, IReadOnlyList<KeyValuePair<string, string>> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }

        // Later duplicates of a key win, as they would with one upsert per tag.
        await using var command = Command(connection, """
            INSERT INTO attune_tags (arn, key, value)
            SELECT DISTINCT ON (key) @arn, key, value FROM unnest(@keys, @values) WITH ORDINALITY AS t(key, value, n)
            ORDER BY key, n DESC
            ON CONFLICT (arn, key) DO UPDATE SET value = excluded.value
            """, ("arn", arn), ("keys", tags.Select(t => t.Key).ToArray()), ("values", tags.Select(t => t.Value).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<ResourceRecord>> QueryAsync(
        string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ResourceRecord>();
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

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Sql.Command(connection, sql, parameters);

    private static (string, object?)[] Bind(ResourceRecord record) =>
    [
        ("arn", record.Arn), ("kind", record.Kind), ("name", record.Name), ("parent", record.ParentArn),
        ("status", record.Status), ("created", record.CreatedAt), ("updated", record.UpdatedAt), ("body", record.Body),
    ];
}
