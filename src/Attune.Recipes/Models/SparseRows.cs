using System.Collections;

namespace Attune.Recipes.Models;

/// <summary>
/// Compressed sparse rows of float weights (item → item), immutable once built. A column slice (read with
/// <see cref="ReadColumns"/>) keeps every row but only the entries whose column a shard holds.
/// </summary>
public sealed class SparseRows
{
    private const int ChunkLength = 1 << 20;

    // Rows that are empty in the whole matrix; null when these rows are the whole matrix (then their own length says it).
    private readonly BitArray? _emptyInWhole;

    public SparseRows(int[] rowStarts, int[] columns, float[] values)
        : this(rowStarts, columns, values, null)
    {
    }

    private SparseRows(int[] rowStarts, int[] columns, float[] values, BitArray? emptyInWhole)
    {
        RowStarts = rowStarts;
        Columns = columns;
        Values = values;
        _emptyInWhole = emptyInWhole;
    }

    public int[] RowStarts { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public int RowCount => RowStarts.Length - 1;

    public long Bytes => (RowStarts.Length + (long)Columns.Length + Values.Length) * sizeof(float);

    public ReadOnlySpan<int> ColumnsOf(int row) => Columns.AsSpan(RowStarts[row], RowStarts[row + 1] - RowStarts[row]);

    public ReadOnlySpan<float> ValuesOf(int row) => Values.AsSpan(RowStarts[row], RowStarts[row + 1] - RowStarts[row]);

    /// <summary>True when the row has no entry in the whole matrix (a column slice may lack a row's entries that others hold).</summary>
    public bool IsRowEmpty(int row) => _emptyInWhole?[row] ?? RowStarts[row + 1] == RowStarts[row];

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

    /// <summary>Reads past a matrix without keeping it.</summary>
    public static void Skip(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArtifactIO.ReadArrayInChunks<int>(reader, ChunkLength, (_, _, _) => { });
        ArtifactIO.ReadArrayInChunks<int>(reader, ChunkLength, (_, _, _) => { });
        ArtifactIO.ReadArrayInChunks<float>(reader, ChunkLength, (_, _, _) => { });
    }

    /// <summary>
    /// Reads only the entries whose column is in <paramref name="held"/>, streaming the column and value blocks in
    /// chunks: memory is the slice plus one bit per entry of the whole matrix, never the whole matrix.
    /// </summary>
    public static SparseRows ReadColumns(BinaryReader reader, HeldItems held)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var wholeStarts = ArtifactIO.ReadArray<int>(reader);
        int rowCount = wholeStarts.Length - 1;
        var emptyInWhole = new BitArray(Math.Max(0, rowCount));
        for (int row = 0; row < rowCount; row++)
        {
            emptyInWhole[row] = wholeStarts[row + 1] == wholeStarts[row];
        }

        var rowStarts = new int[wholeStarts.Length];
        var columns = new List<int>();
        var kept = new BitArray(wholeStarts[^1]);
        int currentRow = 0;
        ArtifactIO.ReadArrayInChunks<int>(reader, ChunkLength, (chunk, offset, count) =>
        {
            for (int i = 0; i < count; i++)
            {
                int entry = offset + i;
                while (entry >= wholeStarts[currentRow + 1])
                {
                    rowStarts[++currentRow] = columns.Count;
                }

                if (held.Contains(chunk[i]))
                {
                    kept[entry] = true;
                    columns.Add(chunk[i]);
                }
            }
        });
        while (currentRow < rowCount)
        {
            rowStarts[++currentRow] = columns.Count;
        }

        var values = new float[columns.Count];
        int next = 0;
        ArtifactIO.ReadArrayInChunks<float>(reader, ChunkLength, (chunk, offset, count) =>
        {
            for (int i = 0; i < count; i++)
            {
                if (kept[offset + i])
                {
                    values[next++] = chunk[i];
                }
            }
        });
        return new SparseRows(rowStarts, [.. columns], values, emptyInWhole);
    }
}
