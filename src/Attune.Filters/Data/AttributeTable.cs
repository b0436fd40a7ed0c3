using System.Diagnostics.CodeAnalysis;

namespace Attune.Filters;

/// <summary>An in-memory <see cref="IAttributeTable"/>; column names are case-insensitive.</summary>
public sealed class AttributeTable : IAttributeTable
{
    private readonly Dictionary<string, CategoricalColumn> _categorical = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ReadOnlyMemory<double>> _numeric = new(StringComparer.OrdinalIgnoreCase);

    public AttributeTable(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
    }

    public int Count { get; }

    public AttributeTable AddCategorical(string column, CategoricalColumn values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Count)
        {
            throw new ArgumentException($"Column {column} has {values.Count} rows; the table has {Count}", nameof(values));
        }

        _categorical.Add(column, values);
        return this;
    }

    public AttributeTable AddNumeric(string column, ReadOnlyMemory<double> values)
    {
        if (values.Length != Count)
        {
            throw new ArgumentException($"Column {column} has {values.Length} rows; the table has {Count}", nameof(values));
        }

        _numeric.Add(column, values);
        return this;
    }

    public bool TryGetCategorical(string column, [NotNullWhen(true)] out CategoricalColumn? values) =>
        _categorical.TryGetValue(column, out values);

    public bool TryGetNumeric(string column, out ReadOnlyMemory<double> values) =>
        _numeric.TryGetValue(column, out values);
}
