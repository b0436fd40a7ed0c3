using Attune.Storage.Events;
using Attune.Storage.Postgres.Events;
using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>Reads of the event log that <see cref="PostgresEventLogs"/> appends to.</summary>
public sealed partial class PostgresDatasetStore
{
    public IReadOnlyList<StoredEvent> ReadEventLog(string principal, long afterSequence)
    {
        ArgumentNullException.ThrowIfNull(principal);
        using var connection = OpenConnection();
        if (!TableExists(connection, EventLogSql.PutTable) ||
            ColumnsOf(connection, Table(EventLogSql.PutTable)).All(c => !c.Name.Equals(EventLogSql.AnonymousColumn, StringComparison.Ordinal)))
        {
            return [];
        }

        try
        {
            return Sql.Rows(connection, EventLogSql.SelectOfPrincipal(Table), reader => new StoredEvent(
                reader.GetInt64(0),
                principal,
                reader.GetString(1),
                reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
                reader.IsDBNull(4) ? float.NaN : (float)reader.GetDouble(4),
                reader.GetInt64(3)), ("principal", principal), ("after", afterSequence));
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return []; // the group was deleted between the check above and this read: a deleted group has no events
        }
    }

    /// <summary>The highest put Sequence committed (0 when none), read inside the caller's snapshot.</summary>
    private long PutWatermark(NpgsqlConnection connection, IEnumerable<string> visibleTables)
    {
        var put = Table(EventLogSql.PutTable);
        return visibleTables.Contains(put, StringComparer.Ordinal) ? Sql.Scalar(connection, $"SELECT coalesce(max(seq), 0) FROM {put}") : 0;
    }
}
