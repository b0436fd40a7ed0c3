using System.Diagnostics.CodeAnalysis;

namespace Attune.Filters;

/// <summary>
/// Columnar attributes of one dataset (items, users or actions), rows addressed by a dense index 0..Count-1.
/// Column names are looked up as written in the expression; implementations decide case sensitivity.
/// </summary>
public interface IAttributeTable
{
    int Count { get; }

    /// <summary>A categorical or string column, values interned, with an inverted index.</summary>
    bool TryGetCategorical(string column, [NotNullWhen(true)] out CategoricalColumn? values);

    /// <summary>A numeric column (int, long, float, double, timestamps): one value per row, NaN where null.</summary>
    bool TryGetNumeric(string column, out ReadOnlyMemory<double> values);
}
