using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>
/// <c>BEGIN IMMEDIATE</c> … <c>COMMIT</c> issued as plain SQL, so that helper commands and native statements on the
/// same connection join it without being handed a transaction object. Holds the database's <see cref="WriteGate"/>
/// for its lifetime; rolls back when disposed uncommitted.
/// </summary>
internal sealed class WriteTransaction : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly WriteGate _gate;
    private bool _open;

    public WriteTransaction(SqliteConnection connection)
    {
        _connection = connection;
        _gate = WriteGate.For(connection.DataSource);
        _gate.Enter();
        try
        {
            SqliteDatasetStore.Execute(connection, "BEGIN IMMEDIATE");
        }
        catch
        {
            _gate.Exit();
            throw;
        }

        _open = true;
    }

    public void Commit()
    {
        SqliteDatasetStore.Execute(_connection, "COMMIT");
        _open = false;
        _gate.Exit();
    }

    public void Dispose()
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        try
        {
            // SQLite may already have rolled back on its own (e.g. disk full); then there is nothing to undo.
            if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            {
                SqliteDatasetStore.Execute(_connection, "ROLLBACK");
            }
        }
        finally
        {
            _gate.Exit();
        }
    }
}
