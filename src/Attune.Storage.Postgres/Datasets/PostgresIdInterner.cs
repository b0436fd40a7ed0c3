using Attune.Storage.Import;
using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>
/// Interns ids into one of the group's dictionary tables without a round trip per new id: an unknown id gets a
/// provisional negative index, and <see cref="Resolve"/> inserts all of them in one statement (in first-appearance
/// order, so stored indices follow file order as in SQLite) before the rows that use them are copied.
/// </summary>
internal sealed class PostgresIdInterner : IIdInterner
{
    private const int DeadlockRetries = 5;

    private readonly string _table;
    private readonly Dictionary<string, int> _known;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _knownLookup;
    private readonly Dictionary<string, int> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _pendingLookup;
    private readonly List<string> _pendingOrder = [];
    private int[] _resolved = [];

    private PostgresIdInterner(string table, Dictionary<string, int> known)
    {
        _table = table;
        _known = known;
        _knownLookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        _pendingLookup = _pending.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A dictionary with every stored id cached: for imports, where most ids repeat.</summary>
    public static PostgresIdInterner Load(NpgsqlConnection connection, string table)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        using var command = Sql.Command(connection, $"SELECT idx, id FROM {table}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            known[reader.GetString(1)] = reader.GetInt32(0);
        }

        return new PostgresIdInterner(table, known);
    }

    /// <summary>A dictionary with an empty cache: for small Put* writes.</summary>
    public static PostgresIdInterner Lazy(string table) => new(table, new Dictionary<string, int>(StringComparer.Ordinal));

    public int Intern(ReadOnlySpan<char> id)
    {
        if (_knownLookup.TryGetValue(id, out var index))
        {
            return index;
        }

        if (!_pendingLookup.TryGetValue(id, out var provisional))
        {
            var text = id.ToString();
            _pendingOrder.Add(text);
            provisional = -_pendingOrder.Count;
            _pending.Add(text, provisional);
        }

        return provisional;
    }

    /// <summary>The stored index for what <see cref="Intern"/> returned (valid after <see cref="Resolve"/>).</summary>
    public int Map(long interned) => interned >= 0 ? (int)interned : _resolved[-interned - 1];

    /// <summary>
    /// Stores the pending ids and learns their indices in one statement of its own (autocommit: other writers may
    /// intern the same ids, so no lock is held beyond it).
    /// </summary>
    public void Resolve(NpgsqlConnection connection)
    {
        if (_pendingOrder.Count == 0)
        {
            return;
        }

        var ids = _pendingOrder.ToArray();
        _resolved = new int[ids.Length];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Learn(connection, $"""
                    WITH input AS (SELECT u.id, u.n FROM unnest(@ids) WITH ORDINALITY AS u(id, n)),
                    inserted AS (
                        INSERT INTO {_table} (id) SELECT id FROM input ORDER BY n
                        ON CONFLICT (id) DO NOTHING RETURNING idx, id)
                    SELECT idx, id FROM inserted
                    UNION ALL
                    SELECT t.idx, t.id FROM {_table} t JOIN input ON t.id = input.id
                    """, ids);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < DeadlockRetries)
            {
                // Another writer inserted some of the same new ids in another order; its ids are committed now.
            }
        }

        // An id another writer committed while this statement ran is outside its snapshot: look it up again.
        var missing = ids.Where((_, k) => _resolved[k] == 0).ToArray();
        if (missing.Length > 0)
        {
            Learn(connection, $"SELECT idx, id FROM {_table} WHERE id = ANY(@ids)", missing);
        }
    }

    private void Learn(NpgsqlConnection connection, string sql, string[] ids)
    {
        using var command = Sql.Command(connection, sql, ("ids", ids));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(1);
            var idx = reader.GetInt32(0);
            _resolved[-_pending[id] - 1] = idx;
            _known[id] = idx;
        }
    }

    /// <summary>Forgets the provisional indices once the rows using them are written.</summary>
    public void ClearPending()
    {
        _pending.Clear();
        _pendingOrder.Clear();
    }
}
