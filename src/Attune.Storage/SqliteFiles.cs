using Microsoft.Data.Sqlite;

namespace Attune.Storage;

/// <summary>How every Attune SQLite file is opened: WAL, NORMAL sync, a generous busy timeout.</summary>
public static class SqliteFiles
{
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    /// <summary>Opens a connection; NORMAL is durable against a killed process in WAL mode (only power loss can drop the last commits).</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
