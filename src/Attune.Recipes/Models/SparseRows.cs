namespace Attune.Recipes.Models;

/// <summary>Compressed sparse rows of float weights (item → item), immutable once built.</summary>
public sealed class SparseRows
{
    public SparseRows(int[] rowStarts, int[] columns, float[] values)
    {
        RowStarts = rowStarts;
        Columns = columns;
        Values = values;
    }

    public int[] RowStarts { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public int RowCount => RowStarts.Length - 1;

    public ReadOnlySpan<int> ColumnsOf(int row) => Columns.AsSpan(RowStarts[row], RowStarts[row + 1] - RowStarts[row]);

    public ReadOnlySpan<float> ValuesOf(int row) => Values.AsSpan(RowStarts[row], RowStarts[row + 1] - RowStarts[row]);

    /// <summary>scores[col - start] += weight × value for the row's entries with start ≤ col &lt; start + scores.Length.</summary>
    public void AddRowTo(int row, float weight, Span<float> scores, int start)
    {
        var columns = ColumnsOf(row);
        var values = ValuesOf(row);
        uint length = (uint)scores.Length;
        for (int i = 0; i < columns.Length; i++)
        {
            uint at = (uint)(columns[i] - start);
            if (at < length)
            {
                scores[(int)at] += weight * values[i];
            }
        }
    }

    public void Write(BinaryWriter writer)
    {
        ArtifactIO.WriteArray(writer, RowStarts);
        ArtifactIO.WriteArray(writer, Columns);
        ArtifactIO.WriteArray(writer, Values);
    }

    public static SparseRows Read(BinaryReader reader)
        => new(ArtifactIO.ReadArray<int>(reader), ArtifactIO.ReadArray<int>(reader), ArtifactIO.ReadArray<float>(reader));
}
