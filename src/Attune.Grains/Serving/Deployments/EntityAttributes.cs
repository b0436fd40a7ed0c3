using System.Globalization;
using Attune.Filters;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Grains.Serving;

/// <summary>
/// Items or users metadata laid out for serving: a filter table (categorical strings with their inverted index,
/// numbers as doubles) and the raw values that metadataColumns returns, row i being entity <c>rows[i]</c>.
/// </summary>
public sealed class EntityAttributes
{
    private readonly IReadOnlyDictionary<string, string?[]> _text;
    private readonly IReadOnlyList<string> _categorical;

    private EntityAttributes(AttributeTable table, IReadOnlyDictionary<string, string?[]> text, IReadOnlyList<string> categorical)
    {
        Table = table;
        _text = text;
        _categorical = categorical;
    }

    public AttributeTable Table { get; }

    public bool HasColumn(string column) => _text.ContainsKey(column);

    /// <summary>The value as metadataColumns reports it (numbers in invariant culture), null where the row has none.</summary>
    public string? ValueOf(string column, int row) => _text.TryGetValue(column, out var values) && (uint)row < (uint)values.Length ? values[row] : null;

    /// <summary>The row's categorical values as column=value tokens, multi-values split at '|'.</summary>
    public IEnumerable<string> TokensOf(int row)
    {
        foreach (var column in _categorical)
        {
            if (ValueOf(column, row) is { Length: > 0 } value)
            {
                foreach (var part in value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return column + "=" + part;
                }
            }
        }
    }

    /// <summary>Aligns entity columns to <paramref name="ids"/> (the model's item order, or the users' order); rows missing in the data stay empty.</summary>
    public static EntityAttributes Build(EntityData entities, IReadOnlyList<string> ids)
    {
        var rowOf = new Dictionary<string, int>(entities.Count, StringComparer.Ordinal);
        for (var row = 0; row < entities.Count; row++)
        {
            rowOf[entities.Ids[row]] = row;
        }
        var source = ids.Select(id => rowOf.TryGetValue(id, out var row) ? row : -1).ToArray();
        var table = new AttributeTable(ids.Count);
        var text = new Dictionary<string, string?[]>(StringComparer.OrdinalIgnoreCase);
        var categorical = new List<string>();
        foreach (var column in entities.Columns.Values)
        {
            var values = source.Select(row => row < 0 ? null : column.Values[row]).ToArray();
            text[column.Name] = values.Select(Text).ToArray();
            if (column.Type is AvroType.String)
            {
                table.AddCategorical(column.Name, CategoricalColumn.FromValues(text[column.Name]));
                categorical.Add(column.Name);
            }
            else if (column.Type is AvroType.Int or AvroType.Long or AvroType.Float or AvroType.Double)
            {
                table.AddNumeric(column.Name, values.Select(v => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray());
            }
        }
        return new EntityAttributes(table, text, categorical);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
