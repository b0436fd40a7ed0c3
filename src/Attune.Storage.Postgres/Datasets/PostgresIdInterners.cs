using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>The dictionaries one writer uses, opened on first use: preloaded for imports, lazy for Put*.</summary>
internal sealed class PostgresIdInterners(string schema, NpgsqlConnection? preloadFrom)
{
    private readonly Dictionary<string, PostgresIdInterner> _open = [];

    public PostgresIdInterner Get(string dictionary)
    {
        if (!_open.TryGetValue(dictionary, out var interner))
        {
            var table = PostgresLayout.Qualified(schema, dictionary);
            interner = preloadFrom is null ? PostgresIdInterner.Lazy(table) : PostgresIdInterner.Load(preloadFrom, table);
            _open.Add(dictionary, interner);
        }

        return interner;
    }

    public void Resolve(NpgsqlConnection connection)
    {
        foreach (var interner in _open.Values)
        {
            interner.Resolve(connection);
        }
    }

    public void ClearPending()
    {
        foreach (var interner in _open.Values)
        {
            interner.ClearPending();
        }
    }
}
