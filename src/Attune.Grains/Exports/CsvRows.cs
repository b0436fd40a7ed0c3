using System.Globalization;
using System.Text;
using Attune.Storage.Schemas;

namespace Attune.Grains.Exports;

/// <summary>
/// Rows as an export's CSV text (RFC 4180, the format imports read): the schema's field names as the header, values
/// by their Avro type (floats at their stored precision, booleans as true/false), empty for null.
/// </summary>
internal static class CsvRows
{
    public static void WriteHeader(TextWriter writer, IReadOnlyList<SchemaField> fields)
    {
        writer.Write(string.Join(',', fields.Select(f => Quoted(f.Name))));
        writer.Write('\n');
    }

    public static void WriteRow(TextWriter writer, IReadOnlyList<SchemaField> fields, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            if (row[i] is { } value)
            {
                writer.Write(Quoted(Format(value, fields[i].Type)));
            }
        }
        writer.Write('\n');
    }

    private static string Format(object value, AvroType type) => type switch
    {
        AvroType.Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture) ? "true" : "false",
        AvroType.Float => ((float)Convert.ToDouble(value, CultureInfo.InvariantCulture)).ToString("R", CultureInfo.InvariantCulture),
        AvroType.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        AvroType.Int or AvroType.Long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Quoted(string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return text;
        }
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c == '"' ? "\"\"" : c.ToString());
        }
        return quoted.Append('"').ToString();
    }
}
