using Microsoft.Data.Sqlite;

namespace Attune.Storage.Datasets;

/// <summary>
/// <c>BEGIN IMMEDIATE</c> … <c>COMMIT</c> issued as plain SQL, so that helper commands and native statements on the
/// same connection join it without being handed a transaction object. Rolls back when disposed uncommitted.
/// </summary>
internal sealed class WriteTransaction : IDisposable
{
    private readonly SqliteConnection _connection;
    private bool _open;

    public WriteTransaction(SqliteConnection connection)
    {
        _connection = connection;
        DatasetStore.Execute(connection, "BEGIN IMMEDIATE");
        _open = true;
    }

    public void Commit()
    {
        DatasetStore.Execute(_connection, "COMMIT");
        _open = false;
    }

    public void Dispose()
    {
        // SQLite may already have rolled back on its own (e.g. disk full); then there is nothing to undo.
        if (_open && SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
        {
            DatasetStore.Execute(_connection, "ROLLBACK");
        }

        _open = false;
    }
}
