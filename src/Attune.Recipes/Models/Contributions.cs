namespace Attune.Recipes.Models;

/// <summary>
/// What each history item added to each asked-for item's score, summed over every additive term of the score
/// (similarity, transitions, factors), so the named contributors are the history items whose total raised the score
/// most, however the terms were blended. One per thread, reused: <see cref="Rent"/>, add, then <see cref="WriteTop"/>.
/// </summary>
internal sealed class Contributions
{
    [ThreadStatic]
    private static Contributions? _perThread;

    private readonly Dictionary<int, int> _columns = [];
    private int[] _slots = [];
    private int[] _askedItems = [];
    private int _askedCount;
    private float[] _totals = [];
    private int _width;

    private Contributions()
    {
    }

    /// <summary>Starts a tally for <paramref name="items"/> (indices; ones outside the model are ignored) and at most <paramref name="historyLength"/> sources.</summary>
    public static Contributions Rent(int itemCount, ReadOnlySpan<int> items, int historyLength)
    {
        var tally = _perThread ??= new Contributions();
        if (tally._slots.Length < itemCount)
        {
            tally._slots = new int[itemCount];
            Array.Fill(tally._slots, -1);
        }

        tally._askedItems = items.ToArray();
        tally._askedCount = items.Length;
        tally._width = Math.Max(1, historyLength);
        int size = items.Length * tally._width;
        if (tally._totals.Length < size)
        {
            tally._totals = new float[size];
        }

        tally._totals.AsSpan(0, size).Clear();
        tally._columns.Clear();
        for (int slot = items.Length - 1; slot >= 0; slot--)
        {
            if ((uint)items[slot] < (uint)itemCount)
            {
                tally._slots[items[slot]] = slot;
            }
        }

        return tally;
    }

    /// <summary>The asked-for position of an item index, -1 when it was not asked for.</summary>
    public int SlotOf(int item) => _slots[item];

    /// <summary>Adds <paramref name="value"/> to what <paramref name="source"/> contributed to the item at <paramref name="slot"/>.</summary>
    public void Add(int slot, int source, float value)
    {
        if (!_columns.TryGetValue(source, out int column))
        {
            column = _columns.Count;
            if (column >= _width)
            {
                return;
            }

            _columns.Add(source, column);
        }

        _totals[(slot * _width) + column] += value;
    }

    /// <summary>Adds weight × rows[source, c] to what <paramref name="source"/> contributed to each asked-for item c.</summary>
    public void AddRow(SparseRows rows, int source, float weight)
    {
        var columns = rows.ColumnsOf(source);
        var values = rows.ValuesOf(source);
        for (int i = 0; i < columns.Length; i++)
        {
            int slot = _slots[columns[i]];
            if (slot >= 0)
            {
                Add(slot, source, weight * values[i]);
            }
        }
    }

    /// <summary>
    /// Writes each asked-for item's <paramref name="perItem"/> sources with the largest positive totals, best first
    /// (ties: the source added first), -1 where fewer; then releases the tally.
    /// </summary>
    public void WriteTop(int perItem, Span<int> contributors)
    {
        contributors[..(_askedCount * perItem)].Fill(-1);
        var sources = new int[_columns.Count];
        foreach (var (source, column) in _columns)
        {
            sources[column] = source;
        }

        for (int slot = 0; slot < _askedCount; slot++)
        {
            var totals = _totals.AsSpan(slot * _width, sources.Length);
            var best = contributors.Slice(slot * perItem, perItem);
            for (int filled = 0; filled < perItem; filled++)
            {
                int pick = -1;
                for (int column = 0; column < totals.Length; column++)
                {
                    if (totals[column] > 0 && (pick < 0 || totals[column] > totals[pick]))
                    {
                        pick = column;
                    }
                }

                if (pick < 0)
                {
                    break;
                }

                best[filled] = sources[pick];
                totals[pick] = 0;
            }
        }

        foreach (int item in _askedItems)
        {
            if ((uint)item < (uint)_slots.Length)
            {
                _slots[item] = -1;
            }
        }
    }
}
