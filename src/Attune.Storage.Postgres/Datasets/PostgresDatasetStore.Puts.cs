using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Schemas;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>Put* records: validated in memory first (an invalid record writes nothing), then copied in one transaction under the group's lock.</summary>
public sealed partial class PostgresDatasetStore
{
    private const string PutStaging = "attune_put_staging";

    public void Put(DatasetType type, AvroSchema schema, IReadOnlyList<IReadOnlyDictionary<string, string?>> records)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(records);
        var extras = DatasetLayout.ExtraFields(type, schema);
        var interners = new PostgresIdInterners(Schema, preloadFrom: null);
        var buffer = new CopyRowBuffer(PostgresLayout.ParameterTypes(type, extras),
            PostgresLayout.ParameterDictionaries(type, extras).Select(d => d is null ? null : interners.Get(d)).ToList(), records.Count);
        PutRecords.Write(new RowWriter(type, schema, PutRecords.Sources(schema), buffer, interners.Get), schema, records);
        if (buffer.Count == 0)
        {
            return;
        }

        using var connection = OpenConnection();
        interners.Resolve(connection);
        using var transaction = connection.BeginTransaction();
        Sql.LockGroup(connection, DatasetGroupArn);
        if (DatasetLayout.IsEventDataset(type))
        {
            var table = Table(DatasetLayout.PutTable(type));
            EnsureTable(connection, table, PostgresLayout.CreateEventTable(table, extras), extras);
            buffer.CopyTo(connection, $"{table} ({PostgresLayout.CopyColumns(type, extras, withSequence: false)})", firstSequence: null);
        }
        else
        {
            EnsureEntityTable(connection, type, extras);
            Sql.Execute(connection, PostgresLayout.CreateEntityStaging(PutStaging, extras, temporary: true));
            buffer.CopyTo(connection, $"{PutStaging} ({PostgresLayout.CopyColumns(type, extras, withSequence: true)})", firstSequence: 1);
            MergeEntities(connection, type, PutStaging, extras, DatasetLayout.OriginPut);
        }

        transaction.Commit();
    }
}
