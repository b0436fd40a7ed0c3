using Attune.Storage.Import;
using Attune.Storage.Schemas;

namespace Attune.Storage.Datasets;

/// <summary>Individually written records (PutEvents, PutItems, PutUsers, PutActions): stored with origin "put", so FULL imports keep them.</summary>
public sealed partial class DatasetStore
{
    /// <summary>
    /// Validates and stores records given as field name (or its camelCase property key) → text value (CSV conventions: invariant numbers,
    /// <c>true</c>/<c>false</c>, null or empty for null) in one transaction. Entities replace earlier records with
    /// the same id. Throws <see cref="ArgumentException"/> naming the record and field for an invalid value.
    /// </summary>
    public void Put(DatasetType type, AvroSchema schema, IReadOnlyList<IReadOnlyDictionary<string, string?>> records)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(records);
        var extras = DatasetLayout.ExtraFields(type, schema);
        var table = DatasetLayout.PutTable(type);
        string sql;
        using var connection = OpenConnection();
        using var transaction = new WriteTransaction(connection);
        if (DatasetLayout.IsEventDataset(type))
        {
            EnsureTable(connection, table, DatasetLayout.CreateEventTable(table, extras), extras);
            sql = DatasetLayout.InsertEvent(table, extras);
        }
        else
        {
            EnsureEntityTable(connection, type, extras);
            sql = DatasetLayout.UpsertEntity(table, extras, DatasetLayout.OriginPut);
        }

        using var dictionaries = new IdDictionaries(connection, preload: false);
        using var insert = new RawStatement(connection, sql);
        var sources = Enumerable.Range(0, schema.Fields.Count).ToArray();
        var writer = new RowWriter(type, schema, sources, insert, dictionaries.Get);
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

        transaction.Commit();
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
