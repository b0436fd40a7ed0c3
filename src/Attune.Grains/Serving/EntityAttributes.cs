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

    private EntityAttributes(AttributeTable table, IReadOnlyDictionary<string, string?[]> text)
    {
        Table = table;
        _text = text;
    }

    public AttributeTable Table { get; }

    public bool HasColumn(string column) => _text.ContainsKey(column);

    /// <summary>The value as metadataColumns reports it (numbers in invariant culture), null where the row has none.</summary>
    public string? ValueOf(string column, int row) => _text.TryGetValue(column, out var values) && (uint)row < (uint)values.Length ? values[row] : null;

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
        foreach (var column in entities.Columns.Values)
        {
            var values = source.Select(row => row < 0 ? null : column.Values[row]).ToArray();
            text[column.Name] = values.Select(Text).ToArray();
            if (column.Type is AvroType.String)
            {
                table.AddCategorical(column.Name, CategoricalColumn.FromValues(text[column.Name]));
            }
            else if (column.Type is AvroType.Int or AvroType.Long or AvroType.Float or AvroType.Double)
            {
                table.AddNumeric(column.Name, values.Select(v => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray());
            }
        }
        return new EntityAttributes(table, text);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
