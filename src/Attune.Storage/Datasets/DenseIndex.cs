using Microsoft.Data.Sqlite;

namespace Attune.Storage.Datasets;

/// <summary>Renumbers stored dictionary indices densely in order of first appearance and resolves their names.</summary>
internal sealed class DenseIndex
{
    private readonly Dictionary<long, int> _dense = [];
    private readonly List<long> _stored = [];

    public int Map(long stored)
    {
        if (!_dense.TryGetValue(stored, out var dense))
        {
            dense = _stored.Count;
            _dense.Add(stored, dense);
            _stored.Add(stored);
        }

        return dense;
    }

    public string[] Names(SqliteConnection connection, string dictionary)
    {
        var names = new string[_stored.Count];
        if (names.Length == 0)
        {
            return names;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT idx, id FROM {dictionary}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (_dense.TryGetValue(reader.GetInt64(0), out var dense))
            {
                names[dense] = reader.GetString(1);
            }
        }

        return names;
    }
}
