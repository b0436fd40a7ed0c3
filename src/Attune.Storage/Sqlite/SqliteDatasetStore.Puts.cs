using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;

namespace Attune.Storage.Sqlite;

/// <summary>Individually written records (PutEvents, PutItems, PutUsers, PutActions): stored with origin "put", so FULL imports keep them.</summary>
public sealed partial class SqliteDatasetStore
{
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
            EnsureTable(connection, table, SqliteLayout.CreateEventTable(table, extras), extras);
            sql = SqliteLayout.InsertEvent(table, extras);
        }
        else
        {
            EnsureEntityTable(connection, type, extras);
            sql = SqliteLayout.UpsertEntity(table, extras, DatasetLayout.OriginPut);
        }

        using var dictionaries = new IdDictionaries(connection, preload: false);
        using var insert = new RawStatement(connection, sql);
        PutRecords.Write(new RowWriter(type, schema, PutRecords.Sources(schema), insert, dictionaries.Get), schema, records);
        transaction.Commit();
    }
}
