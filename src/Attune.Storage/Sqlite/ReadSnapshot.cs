using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>A read transaction: every query on the connection sees the same committed state until disposed.</summary>
internal sealed class ReadSnapshot : IDisposable
{
    private readonly SqliteConnection _connection;

    public ReadSnapshot(SqliteConnection connection)
    {
        _connection = connection;
        SqliteDatasetStore.Execute(connection, "BEGIN DEFERRED");
    }

    public void Dispose() => SqliteDatasetStore.Execute(_connection, "COMMIT");
}
