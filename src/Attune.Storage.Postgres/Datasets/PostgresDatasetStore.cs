using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>
/// <see cref="IDatasetStore"/> on one dataset group's PostgreSQL schema. Writes that change what is visible (publishing an
/// import, Put*, deletes, DDL) take the group's transaction-scoped advisory lock, so silos writing the same group serialize
/// as SQLite's single writer would; staging COPYs into an import's own batch table need no lock.
/// </summary>
public sealed partial class PostgresDatasetStore : IDatasetStore
{
    private readonly NpgsqlDataSource _dataSource;

    internal PostgresDatasetStore(NpgsqlDataSource dataSource, string datasetGroupArn, string schema)
    {
        _dataSource = dataSource;
        DatasetGroupArn = datasetGroupArn;
        Schema = schema;
    }

    public string DatasetGroupArn { get; }

    /// <summary>The group's PostgreSQL schema.</summary>
    public string Schema { get; }

    public void DeleteDatasetData(DatasetType type)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        Sql.LockGroup(connection, DatasetGroupArn);
        foreach (var table in TablesOf(connection, type))
        {
            Sql.Execute(connection, $"DROP TABLE {Table(table)}");
        }

        Sql.Execute(connection, $"DELETE FROM {Table("imports")} WHERE dataset = @dataset", ("dataset", DatasetLayout.Key(type)));
        transaction.Commit();
    }

    public long CountRows(DatasetType type)
    {
        using var connection = OpenConnection();
        using var snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        return VisibleTables(connection, type).Sum(table => Sql.Scalar(connection, $"SELECT count(*) FROM {table}"));
    }

    /// <summary>Nothing to release: every call borrows a pooled connection.</summary>
    public void Dispose()
    {
    }

    internal NpgsqlConnection OpenConnection() => _dataSource.OpenConnection();

    /// <summary>A table of this group, schema-qualified and quoted.</summary>
    internal string Table(string name) => PostgresLayout.Qualified(Schema, name);

    internal bool TableExists(NpgsqlConnection connection, string name) =>
        Sql.Scalar(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = @schema AND tablename = @name", ("schema", Schema), ("name", name)) > 0;

    /// <summary>Committed bulk tables in commit order, then the Put* table (event datasets); the entity table otherwise. Qualified names.</summary>
    internal List<string> VisibleTables(NpgsqlConnection connection, DatasetType type)
    {
        var tables = new List<string>();
        if (DatasetLayout.IsEventDataset(type))
        {
            tables.AddRange(Sql.Rows(connection,
                $"SELECT batch FROM {Table("imports")} WHERE dataset = @dataset AND state = '{ImportStates.Committed}' ORDER BY batch",
                reader => Table(DatasetLayout.BatchTable(type, reader.GetInt64(0))), ("dataset", DatasetLayout.Key(type))));
        }

        var put = DatasetLayout.PutTable(type);
        if (TableExists(connection, put))
        {
            tables.Add(Table(put));
        }

        return tables;
    }

    /// <summary>Column names and <c>format_type</c> of a (qualified) table, in column order.</summary>
    internal static List<(string Name, string Type)> ColumnsOf(NpgsqlConnection connection, string table) =>
        Sql.Rows(connection, """
            SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
            WHERE attrelid = @table::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
            """, reader => (reader.GetString(0), reader.GetString(1)), ("table", table));

    /// <summary>Runs <paramref name="create"/> (CREATE TABLE IF NOT EXISTS) and adds the extra columns the table lacks.</summary>
    internal static void EnsureTable(NpgsqlConnection connection, string table, string create, IReadOnlyList<SchemaField> extras)
    {
        Sql.Execute(connection, create);
        var existing = ColumnsOf(connection, table).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var field in extras.Where(f => !existing.Contains("c_" + f.Name)))
        {
            Sql.Execute(connection, $"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {DatasetLayout.Column(field.Name)} {PostgresLayout.ColumnType(field.Type)}");
        }
    }

    internal void EnsureEntityTable(NpgsqlConnection connection, DatasetType type, IReadOnlyList<SchemaField> extras)
    {
        var table = Table(DatasetLayout.Key(type));
        EnsureTable(connection, table, PostgresLayout.CreateEntityTable(table, extras), extras);
    }

    /// <summary>Replaces entity rows by those in <paramref name="source"/> (the last row per id wins), as SQLite's INSERT OR REPLACE does.</summary>
    internal void MergeEntities(NpgsqlConnection connection, DatasetType type, string source, IReadOnlyList<SchemaField> extras, int origin)
    {
        var table = Table(DatasetLayout.Key(type));
        var columns = DatasetLayout.ColumnList(extras);
        Sql.Execute(connection, $"DELETE FROM {table} WHERE idx IN (SELECT idx FROM {source})");
        Sql.Execute(connection,
            $"INSERT INTO {table} (idx, origin{columns}) SELECT DISTINCT ON (idx) idx, {origin}{columns} FROM {source} ORDER BY idx, seq DESC");
    }

    private List<string> TablesOf(NpgsqlConnection connection, DatasetType type)
    {
        var key = DatasetLayout.Key(type);
        return Sql.Rows(connection, """
            SELECT tablename FROM pg_tables
            WHERE schemaname = @schema AND (tablename = @key OR tablename ~ ('^' || @key || '_b[0-9]+$') OR tablename = @key || '_put')
            """, reader => reader.GetString(0), ("schema", Schema), ("key", key));
    }
}
