namespace Attune.Storage.Import;

/// <summary>
/// Where <see cref="RowWriter"/> puts one validated row: values bound by parameter position (1-based, see
/// <see cref="RowWriter"/> for the layout), then <see cref="Execute"/> ends the row.
/// </summary>
public interface IRowSink
{
    void Bind(int index, long value);

    void Bind(int index, double value);

    void Bind(int index, ReadOnlySpan<char> value);

    void BindNull(int index);

    /// <summary>Writes the bound row; returns rows changed.</summary>
    int Execute();
}
