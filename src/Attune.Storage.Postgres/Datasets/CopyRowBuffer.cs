using Attune.Storage.Import;
using Npgsql;
using NpgsqlTypes;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>
/// Collects the rows <see cref="RowWriter"/> binds and writes them with one binary COPY. Id parameters may hold
/// provisional indices; they are mapped through their <see cref="PostgresIdInterner"/> (resolved first) while copying.
/// </summary>
internal sealed class CopyRowBuffer : IRowSink
{
    private readonly NpgsqlDbType[] _types;
    private readonly PostgresIdInterner?[] _ids;
    private Cell[] _cells;
    private int _rows;

    public CopyRowBuffer(IReadOnlyList<NpgsqlDbType> types, IReadOnlyList<PostgresIdInterner?> ids, int capacity)
    {
        _types = [.. types];
        _ids = [.. ids];
        _cells = new Cell[Math.Max(1, capacity) * _types.Length];
    }

    public int Count => _rows;

    public void Bind(int index, long value) => Slot(index) = new Cell(CellKind.Long, value, 0, null);

    public void Bind(int index, double value) => Slot(index) = new Cell(CellKind.Double, 0, value, null);

    public void Bind(int index, ReadOnlySpan<char> value) => Slot(index) = new Cell(CellKind.Text, 0, 0, value.ToString());

    public void BindNull(int index) => Slot(index) = default;

    public int Execute()
    {
        _rows++;
        if ((_rows + 1) * _types.Length > _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
        }

        return 1;
    }

    /// <summary>
    /// Writes the buffered rows with <c>COPY <paramref name="target"/> FROM STDIN (FORMAT BINARY)</c>; when
    /// <paramref name="firstSequence"/> is given the first target column is <c>seq</c>, numbered from it.
    /// </summary>
    public void CopyTo(NpgsqlConnection connection, string target, long? firstSequence)
    {
        using var importer = connection.BeginBinaryImport($"COPY {target} FROM STDIN (FORMAT BINARY)");
        var width = _types.Length;
        for (var row = 0; row < _rows; row++)
        {
            importer.StartRow();
            if (firstSequence is { } first)
            {
                importer.Write(first + row, NpgsqlDbType.Bigint);
            }

            for (var column = 0; column < width; column++)
            {
                WriteCell(importer, column, _cells[(row * width) + column]);
            }
        }

        importer.Complete();
    }

    /// <summary>Drops every row after the first <paramref name="rows"/> (those of a batch that was rejected).</summary>
    public void TruncateTo(int rows)
    {
        var width = _types.Length;
        Array.Clear(_cells, rows * width, (_rows + 1 - rows) * width);
        _rows = rows;
    }

    public void Clear()
    {
        Array.Clear(_cells, 0, Math.Min(_cells.Length, (_rows + 1) * _types.Length));
        _rows = 0;
    }

    private void WriteCell(NpgsqlBinaryImporter importer, int column, in Cell cell)
    {
        if (cell.Kind == CellKind.Null)
        {
            importer.WriteNull();
            return;
        }

        switch (_types[column])
        {
            case NpgsqlDbType.Integer:
                importer.Write(_ids[column] is { } ids ? ids.Map(cell.Long) : checked((int)cell.Long), NpgsqlDbType.Integer);
                break;
            case NpgsqlDbType.Bigint:
                importer.Write(cell.Long, NpgsqlDbType.Bigint);
                break;
            case NpgsqlDbType.Double:
                importer.Write(cell.Double, NpgsqlDbType.Double);
                break;
            case NpgsqlDbType.Boolean:
                importer.Write(cell.Long != 0, NpgsqlDbType.Boolean);
                break;
            default:
                importer.Write(cell.Text!, NpgsqlDbType.Text);
                break;
        }
    }

    private ref Cell Slot(int index) => ref _cells[(_rows * _types.Length) + index - 1];

    private enum CellKind : byte
    {
        Null,
        Long,
        Double,
        Text,
    }

    private readonly record struct Cell(CellKind Kind, long Long, double Double, string? Text);
}
