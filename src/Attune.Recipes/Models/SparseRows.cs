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

    /// <summary>scores[col] += weight × value for every entry of the row.</summary>
    public void AddRowTo(int row, float weight, Span<float> scores)
    {
        var columns = ColumnsOf(row);
        var values = ValuesOf(row);
        for (int i = 0; i < columns.Length; i++)
        {
            scores[columns[i]] += weight * values[i];
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
