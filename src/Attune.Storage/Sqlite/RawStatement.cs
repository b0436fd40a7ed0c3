using Microsoft.Data.Sqlite;
using Attune.Storage.Import;
using SQLitePCL;

namespace Attune.Storage.Sqlite;

/// <summary>
/// A prepared statement driven through the native API: binds without boxing, which is most of the cost of
/// bulk inserts through <see cref="SqliteCommand"/>. Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class RawStatement : IRowSink, IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Bind(int index, long value) => raw.sqlite3_bind_int64(_statement, index, value);

    public void Bind(int index, double value) => raw.sqlite3_bind_double(_statement, index, value);

    public void Bind(int index, ReadOnlySpan<char> value) => raw.sqlite3_bind_text16(_statement, index, value);

    public void BindNull(int index) => raw.sqlite3_bind_null(_statement, index);

    /// <summary>Runs the statement to completion and resets it for the next bindings; returns rows changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            Check(rc);
        }

        return raw.sqlite3_changes(_db);
    }

    /// <summary>Steps once and returns column 0 as a long, or null when there is no row.</summary>
    public long? QueryLong()
    {
        var rc = raw.sqlite3_step(_statement);
        long? result = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_statement, 0) : null;
        raw.sqlite3_reset(_statement);
        if (rc is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            Check(rc);
        }

        return result;
    }

    /// <summary>Steps a query; false (and reset) when the rows are exhausted.</summary>
    public bool Next()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        return false;
    }

    public long ColumnLong(int index) => raw.sqlite3_column_int64(_statement, index);

    public double ColumnDouble(int index) => raw.sqlite3_column_double(_statement, index);

    public bool ColumnIsNull(int index) => raw.sqlite3_column_type(_statement, index) == raw.SQLITE_NULL;

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite error {rc}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }
    }
}
