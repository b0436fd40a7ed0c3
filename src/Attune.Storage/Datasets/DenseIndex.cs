using Microsoft.Data.Sqlite;

namespace Attune.Storage.Datasets;

/// <summary>Renumbers stored dictionary indices densely in order of first appearance and resolves their names.</summary>
internal sealed class DenseIndex
{
    private readonly string _dictionary;
    private int[] _dense;
    private int _count;

    public DenseIndex(SqliteConnection connection, string dictionary)
    {
        _dictionary = dictionary;
        _dense = new int[DatasetStore.Scalar(connection, $"SELECT coalesce(max(idx), 0) + 1 FROM {dictionary}")];
    }

    public int Map(long stored)
    {
        if (stored >= _dense.Length)
        {
            Array.Resize(ref _dense, (int)stored + 1);
        }

        // Slots hold dense index + 1 so that the zeroed array means "not seen yet".
        ref var slot = ref _dense[stored];
        if (slot == 0)
        {
            slot = ++_count;
        }

        return slot - 1;
    }

    public string[] Names(SqliteConnection connection)
    {
        var names = new string[_count];
        if (_count == 0)
        {
            return names;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT idx, id FROM {_dictionary}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var stored = reader.GetInt64(0);
            if (stored < _dense.Length && _dense[stored] > 0)
            {
                names[_dense[stored] - 1] = reader.GetString(1);
            }
        }

        return names;
    }
}
