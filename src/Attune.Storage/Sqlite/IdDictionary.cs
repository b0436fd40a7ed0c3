using Attune.Storage.Import;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>
/// Interns string ids (or event types) into the group's integer dictionary table, with an in-memory cache so that
/// known ids cost one span lookup. Intern inside a write transaction; ids added by other writers meanwhile are
/// picked up on conflict.
/// </summary>
internal sealed class IdDictionary : IIdInterner, IDisposable
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly RawStatement _insert;
    private readonly RawStatement _select;

    private IdDictionary(SqliteConnection connection, string table, Dictionary<string, int> ids)
    {
        _ids = ids;
        _lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _insert = new RawStatement(connection, $"INSERT OR IGNORE INTO {table} (id) VALUES (?1)");
        _select = new RawStatement(connection, $"SELECT idx FROM {table} WHERE id = ?1");
    }

    public static IdDictionary Load(SqliteConnection connection, string table)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT idx, id FROM {table}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids[reader.GetString(1)] = reader.GetInt32(0);
        }

        return new IdDictionary(connection, table, ids);
    }

    /// <summary>A dictionary that starts with an empty cache: for small writes, where loading every id would dominate.</summary>
    public static IdDictionary Lazy(SqliteConnection connection, string table) =>
        new(connection, table, new Dictionary<string, int>(StringComparer.Ordinal));

    public int Intern(ReadOnlySpan<char> id)
    {
        if (_lookup.TryGetValue(id, out var index))
        {
            return index;
        }

        _insert.Bind(1, id);
        if (_insert.Execute() == 1)
        {
            index = checked((int)_insert.LastInsertRowId);
        }
        else
        {
            _select.Bind(1, id);
            index = checked((int)_select.QueryLong()!.Value);
        }

        _ids.Add(id.ToString(), index);
        return index;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _select.Dispose();
    }
}
