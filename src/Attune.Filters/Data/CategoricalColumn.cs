namespace Attune.Filters;

/// <summary>
/// A categorical (possibly multi-valued) column: each row holds zero or more interned value ids, and an inverted
/// index lists, per value, the rows that hold it in ascending order, so IN costs O(matching rows).
/// </summary>
public sealed class CategoricalColumn
{
    private readonly Dictionary<string, int> _ids;
    private readonly string[] _names;
    private readonly int[] _rowStarts;
    private readonly int[] _rowValues;
    private readonly int[] _postingStarts;
    private readonly int[] _postings;

    private CategoricalColumn(Dictionary<string, int> ids, string[] names, int[] rowStarts, int[] rowValues)
    {
        _ids = ids;
        _names = names;
        _rowStarts = rowStarts;
        _rowValues = rowValues;
        (_postingStarts, _postings) = Invert(names.Length, rowStarts, rowValues);
    }

    /// <summary>Number of rows.</summary>
    public int Count => _rowStarts.Length - 1;

    /// <summary>Number of distinct values.</summary>
    public int ValueCount => _names.Length;

    /// <summary>
    /// Builds a column from one raw value per row (null or empty = no value). With <paramref name="splitMultiValues"/>,
    /// <c>a|b</c> holds both a and b, as Personalize categorical fields do. Event types want <paramref name="ignoreCase"/>.
    /// </summary>
    public static CategoricalColumn FromValues(IReadOnlyList<string?> rows, bool splitMultiValues = true, bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ids = new Dictionary<string, int>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var names = new List<string>();
        var rowStarts = new int[rows.Count + 1];
        var rowValues = new List<int>(rows.Count);
        for (var row = 0; row < rows.Count; row++)
        {
            var rowStart = rowValues.Count;
            var raw = rows[row];
            if (!string.IsNullOrEmpty(raw))
            {
                foreach (var part in splitMultiValues ? raw.Split('|', StringSplitOptions.RemoveEmptyEntries) : [raw])
                {
                    if (!ids.TryGetValue(part, out var id))
                    {
                        id = names.Count;
                        ids.Add(part, id);
                        names.Add(part);
                    }

                    if (rowValues.IndexOf(id, rowStart) < 0)
                    {
                        rowValues.Add(id);
                    }
                }
            }

            rowStarts[row + 1] = rowValues.Count;
        }

        return new CategoricalColumn(ids, [.. names], rowStarts, [.. rowValues]);
    }

    /// <summary>The id of a value, matched with the column's comparer (exact, or case-insensitive for event types).</summary>
    public bool TryGetValueId(string value, out int id) => _ids.TryGetValue(value, out id);

    public string ValueName(int id) => _names[id];

    /// <summary>The value ids of one row (empty when it has none).</summary>
    public ReadOnlySpan<int> ValueIdsOf(int row) => _rowValues.AsSpan(_rowStarts[row], _rowStarts[row + 1] - _rowStarts[row]);

    public bool HasValue(int row) => _rowStarts[row + 1] > _rowStarts[row];

    /// <summary>The rows holding a value, ascending.</summary>
    public ReadOnlySpan<int> RowsWith(int id) => _postings.AsSpan(_postingStarts[id], _postingStarts[id + 1] - _postingStarts[id]);

    private static (int[] Starts, int[] Postings) Invert(int valueCount, int[] rowStarts, int[] rowValues)
    {
        var starts = new int[valueCount + 1];
        foreach (var id in rowValues)
        {
            starts[id + 1]++;
        }

        for (var id = 0; id < valueCount; id++)
        {
            starts[id + 1] += starts[id];
        }

        var fill = starts[..^1];
        var postings = new int[rowValues.Length];
        for (var row = 0; row + 1 < rowStarts.Length; row++)
        {
            for (var k = rowStarts[row]; k < rowStarts[row + 1]; k++)
            {
                postings[fill[rowValues[k]]++] = row;
            }
        }

        return (starts, postings);
    }
}
