using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>The id dictionaries one writer uses, opened on first use: preloaded for imports, lazy for small Put* writes.</summary>
internal sealed class IdDictionaries(SqliteConnection connection, bool preload) : IDisposable
{
    private readonly Dictionary<string, IdDictionary> _open = [];

    public IdDictionary Get(string table)
    {
        if (!_open.TryGetValue(table, out var dictionary))
        {
            dictionary = preload ? IdDictionary.Load(connection, table) : IdDictionary.Lazy(connection, table);
            _open.Add(table, dictionary);
        }

        return dictionary;
    }

    public void Dispose()
    {
        foreach (var dictionary in _open.Values)
        {
            dictionary.Dispose();
        }

        _open.Clear();
    }
}
