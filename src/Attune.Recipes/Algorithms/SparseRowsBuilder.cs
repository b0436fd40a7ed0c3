using Attune.Recipes.Models;

namespace Attune.Recipes.Algorithms;

/// <summary>Assembles per-row (column, value) lists, each pruned to its best entries, into <see cref="SparseRows"/>.</summary>
internal static class SparseRowsBuilder
{
    public static SparseRows FromRows((int[] Columns, float[] Values)[] rows)
    {
        var starts = new int[rows.Length + 1];
        for (int r = 0; r < rows.Length; r++)
        {
            starts[r + 1] = starts[r] + rows[r].Columns.Length;
        }

        var columns = new int[starts[^1]];
        var values = new float[starts[^1]];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r].Columns.CopyTo(columns, starts[r]);
            rows[r].Values.CopyTo(values, starts[r]);
        }

        return new SparseRows(starts, columns, values);
    }

    /// <summary>
    /// The <paramref name="keep"/> largest values (or largest magnitudes, for signed weights) among the candidates.
    /// </summary>
    public static (int[] Columns, float[] Values) Best(List<int> columns, List<float> values, int keep, bool byMagnitude = false)
    {
        int count = columns.Count;
        var keys = new float[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = byMagnitude ? Math.Abs(values[i]) : values[i];
        }

        int[] order = TopK.Select(keys, Math.Min(keep, count));
        var bestColumns = new int[order.Length];
        var bestValues = new float[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            bestColumns[i] = columns[order[i]];
            bestValues[i] = values[order[i]];
        }

        return (bestColumns, bestValues);
    }

    /// <summary>wa·a + wb·b entry by entry (the union of both rows' columns); null when both weights are 0.</summary>
    public static SparseRows? WeightedSum(SparseRows a, float wa, SparseRows b, float wb)
    {
        if (wa == 0 && wb == 0)
        {
            return null;
        }

        var rows = new (int[] Columns, float[] Values)[a.RowCount];
        var sums = new Dictionary<int, float>();
        for (int r = 0; r < rows.Length; r++)
        {
            sums.Clear();
            AddRow(sums, a, r, wa);
            AddRow(sums, b, r, wb);
            rows[r] = ([.. sums.Keys], [.. sums.Values]);
        }

        return FromRows(rows);
    }

    private static void AddRow(Dictionary<int, float> sums, SparseRows rows, int row, float weight)
    {
        if (weight == 0)
        {
            return;
        }

        var columns = rows.ColumnsOf(row);
        var values = rows.ValuesOf(row);
        for (int i = 0; i < columns.Length; i++)
        {
            sums[columns[i]] = sums.GetValueOrDefault(columns[i]) + (weight * values[i]);
        }
    }

    /// <summary>Rows of <paramref name="rows"/> that are empty take the <paramref name="fallback"/> row scaled by <paramref name="weight"/>.</summary>
    public static SparseRows FillEmptyRows(SparseRows rows, SparseRows fallback, float weight)
    {
        var filled = new (int[] Columns, float[] Values)[rows.RowCount];
        for (int r = 0; r < filled.Length; r++)
        {
            var source = rows.ColumnsOf(r).IsEmpty ? fallback : rows;
            float scale = ReferenceEquals(source, rows) ? 1 : weight;
            var values = source.ValuesOf(r).ToArray();
            for (int i = 0; i < values.Length; i++)
            {
                values[i] *= scale;
            }

            filled[r] = (source.ColumnsOf(r).ToArray(), values);
        }

        return FromRows(filled);
    }
}
