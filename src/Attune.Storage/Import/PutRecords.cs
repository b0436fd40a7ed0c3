using Attune.Storage.Schemas;

namespace Attune.Storage.Import;

/// <summary>
/// Put* records (field name or camelCase property key → text value, CSV conventions: invariant numbers,
/// <c>true</c>/<c>false</c>, null or empty for null) fed through a <see cref="RowWriter"/>.
/// </summary>
public static class PutRecords
{
    /// <summary>The writer's source mapping for records: schema field i is record value i.</summary>
    public static int[] Sources(AvroSchema schema) => Enumerable.Range(0, schema.Fields.Count).ToArray();

    /// <summary>Writes every record; throws <see cref="ArgumentException"/> naming the record (1-based) and field of an invalid value.</summary>
    public static void Write(RowWriter writer, AvroSchema schema, IReadOnlyList<IReadOnlyDictionary<string, string?>> records)
    {
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                writer.Write(new RecordSource(schema, records[i]));
            }
            catch (RowException e)
            {
                throw new ArgumentException($"Record {i + 1}: {e.Message}", e);
            }
        }
    }

    private sealed class RecordSource : IRowSource
    {
        private readonly string?[] _values;

        public RecordSource(AvroSchema schema, IReadOnlyDictionary<string, string?> record)
        {
            _values = new string?[schema.Fields.Count];
            foreach (var (name, value) in record)
            {
                var field = schema.FindProperty(name) ?? throw new ArgumentException($"Field {name} is not in the schema.");
                _values[IndexOf(schema, field)] = value;
            }
        }

        public ReadOnlySpan<char> Field(int index) => _values[index];

        private static int IndexOf(AvroSchema schema, SchemaField field)
        {
            for (var i = 0; ; i++)
            {
                if (ReferenceEquals(schema.Fields[i], field))
                {
                    return i;
                }
            }
        }
    }
}
