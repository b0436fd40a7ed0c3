using System.Security.Cryptography;
using System.Text;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>
/// The imported data of one dataset group: one SQLite database (WAL, synchronous=NORMAL) at
/// <c>&lt;dataDirectory&gt;/datasets/&lt;sha256(arn)[..16]&gt;.db</c> holding interned user/item/action ids shared by the
/// group's datasets, interactions in file order and items/users/actions with their metadata columns.
/// </summary>
public sealed partial class SqliteDatasetStore : IDatasetStore
{
    private readonly string _connectionString;

    private SqliteDatasetStore(string databasePath, string datasetGroupArn)
    {
        DatabasePath = databasePath;
        DatasetGroupArn = datasetGroupArn;
        _connectionString = ConnectionString(databasePath);
    }

    public string DatasetGroupArn { get; }

    public string DatabasePath { get; }

    /// <summary>Opens (creating if needed) the store of <paramref name="datasetGroupArn"/> under <paramref name="dataDirectory"/>.</summary>
    public static SqliteDatasetStore Open(string dataDirectory, string datasetGroupArn)
    {
        var path = PathFor(dataDirectory, datasetGroupArn);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var store = new SqliteDatasetStore(path, datasetGroupArn);
        using var connection = store.OpenConnection();
        Execute(connection, $"""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT OR IGNORE INTO meta (key, value) VALUES ('dataset_group_arn', $arn);
            CREATE TABLE IF NOT EXISTS {DatasetLayout.UserIds} (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS {DatasetLayout.ItemIds} (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS {DatasetLayout.ActionIds} (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS {DatasetLayout.EventTypes} (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS imports (
                batch INTEGER PRIMARY KEY AUTOINCREMENT,
                job TEXT NOT NULL,
                dataset TEXT NOT NULL,
                mode TEXT NOT NULL,
                state TEXT NOT NULL,
                rows INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS imports_by_job ON imports(job);
            """, ("$arn", datasetGroupArn));
        return store;
    }

    /// <summary>The database file of a dataset group: a stable hash of its ARN, so renames of the data directory are harmless.</summary>
    public static string PathFor(string dataDirectory, string datasetGroupArn)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(datasetGroupArn)))[..16];
        return Path.Combine(Path.GetFullPath(dataDirectory), "datasets", hash + ".db");
    }

    /// <summary>Deletes all data of a dataset group (the database and its WAL files). Dispose open stores first.</summary>
    public static void Delete(string dataDirectory, string datasetGroupArn)
    {
        var path = PathFor(dataDirectory, datasetGroupArn);
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            return; // no group ever stored data here
        }
        ClearPool(ConnectionString(path));
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Deletes everything stored for one dataset (bulk and Put* rows); shared id dictionaries stay.</summary>
    public void DeleteDatasetData(DatasetType type)
    {
        using var connection = OpenConnection();
        using var transaction = new WriteTransaction(connection);
        foreach (var table in TablesOf(connection, type))
        {
            Execute(connection, $"DROP TABLE \"{table}\"");
        }

        Execute(connection, "DELETE FROM imports WHERE dataset = $dataset", ("$dataset", DatasetLayout.Key(type)));
        transaction.Commit();
    }

    /// <summary>Visible rows of a dataset (committed bulk imports plus Put* rows).</summary>
    public long CountRows(DatasetType type)
    {
        using var connection = OpenConnection();
        return VisibleTables(connection, type).Sum(table => Scalar(connection, $"SELECT count(*) FROM \"{table}\""));
    }

    /// <summary>Closes this group's pooled connections (other databases' pools are left alone).</summary>
    public void Dispose() => ClearPool(_connectionString);

    private static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();

    private static void ClearPool(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000; PRAGMA foreign_keys=OFF;");
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    internal static long Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static bool TableExists(SqliteConnection connection, string table) =>
        Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name", ("$name", table)) > 0;

    /// <summary>Committed bulk tables in commit order, then the Put* table (event datasets); the entity table otherwise.</summary>
    internal static List<string> VisibleTables(SqliteConnection connection, DatasetType type)
    {
        var tables = new List<string>();
        if (DatasetLayout.IsEventDataset(type))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT batch FROM imports WHERE dataset = $dataset AND state = 'committed' ORDER BY batch";
            command.Parameters.AddWithValue("$dataset", DatasetLayout.Key(type));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(DatasetLayout.BatchTable(type, reader.GetInt64(0)));
            }
        }

        var put = DatasetLayout.PutTable(type);
        if (TableExists(connection, put))
        {
            tables.Add(put);
        }

        return tables;
    }

    /// <summary>Creates the entity table of <paramref name="type"/> or adds the columns a newer schema brought.</summary>
    internal static void EnsureEntityTable(SqliteConnection connection, DatasetType type, IReadOnlyList<SchemaField> extras) =>
        EnsureTable(connection, DatasetLayout.Key(type), SqliteLayout.CreateEntityTable(DatasetLayout.Key(type), extras), extras);

    /// <summary>Runs <paramref name="create"/> (CREATE TABLE IF NOT EXISTS) and adds the extra columns the table lacks.</summary>
    internal static void EnsureTable(SqliteConnection connection, string table, string create, IReadOnlyList<SchemaField> extras)
    {
        Execute(connection, create);
        var existing = ColumnsOf(connection, table).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var field in extras.Where(f => !existing.Contains("c_" + f.Name)))
        {
            Execute(connection, $"ALTER TABLE \"{table}\" ADD COLUMN {DatasetLayout.Column(field.Name)} {SqliteLayout.DeclaredType(field.Type)}");
        }
    }

    /// <summary>Column names and declared types of a table.</summary>
    internal static List<(string Name, string DeclaredType)> ColumnsOf(SqliteConnection connection, string table)
    {
        var columns = new List<(string, string)>();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, type FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    private static List<string> TablesOf(SqliteConnection connection, DatasetType type)
    {
        var key = DatasetLayout.Key(type);
        var tables = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND (name = $key OR name GLOB $batch OR name = $put)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$batch", key + "_b[0-9]*");
        command.Parameters.AddWithValue("$put", key + "_put");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
