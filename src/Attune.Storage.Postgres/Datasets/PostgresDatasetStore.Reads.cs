using System.Data;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>Reads for training and serving, each in one REPEATABLE READ snapshot; the same results as SQLite's for the same writes.</summary>
public sealed partial class PostgresDatasetStore
{
    public InteractionData ReadInteractions(DatasetType type = DatasetType.Interactions)
    {
        RequireEventDataset(type);
        using var connection = OpenConnection();
        using var snapshot = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var tables = VisibleTables(connection, type);
        var count = checked((int)tables.Sum(table => Sql.Scalar(connection, $"SELECT count(*) FROM {table}")));
        var itemDictionary = type == DatasetType.Interactions ? DatasetLayout.ItemIds : DatasetLayout.ActionIds;
        var columns = new InteractionColumns(count, NewDenseIndex(connection, DatasetLayout.UserIds),
            NewDenseIndex(connection, itemDictionary), NewDenseIndex(connection, DatasetLayout.EventTypes));
        foreach (var table in tables)
        {
            using var command = Sql.Command(connection, $"SELECT {DatasetLayout.EventColumns} FROM {table} ORDER BY seq");
            using var reader = command.ExecuteReader();
            while (!columns.IsFull && reader.Read())
            {
                columns.Add(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetDouble(4));
            }
        }

        return columns.Build(
            columns.Users.Names(() => Dictionary(connection, DatasetLayout.UserIds)),
            columns.Items.Names(() => Dictionary(connection, itemDictionary)),
            columns.EventTypes.Names(() => Dictionary(connection, DatasetLayout.EventTypes)),
            type == DatasetType.Interactions ? PutWatermark(connection, tables) : 0);
    }

    public object?[] ReadInteractionColumn(string field, DatasetType type = DatasetType.Interactions)
    {
        RequireEventDataset(type);
        using var connection = OpenConnection();
        using var snapshot = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var values = new List<object?>();
        foreach (var table in VisibleTables(connection, type))
        {
            var column = ColumnsOf(connection, table).FirstOrDefault(c => c.Name.Equals("c_" + field, StringComparison.OrdinalIgnoreCase));
            if (column.Name is null)
            {
                values.AddRange(new object?[Sql.Scalar(connection, $"SELECT count(*) FROM {table}")]);
                continue;
            }

            var avroType = PostgresLayout.TypeOf(column.Type);
            values.AddRange(Sql.Rows(connection, $"SELECT {Sql.Quote(column.Name)} FROM {table} ORDER BY seq",
                reader => reader.IsDBNull(0) ? null : ReadValue(reader, 0, avroType)));
        }

        return [.. values];
    }

    public EntityData ReadEntities(DatasetType type, IReadOnlyCollection<string>? columns = null)
    {
        if (DatasetLayout.IsEventDataset(type))
        {
            throw new ArgumentException($"{type.WireName()} is not an items, users or actions dataset.", nameof(type));
        }

        using var connection = OpenConnection();
        using var snapshot = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var key = DatasetLayout.Key(type);
        if (!TableExists(connection, key))
        {
            return new EntityData { Ids = [], FromBulkImport = [], Columns = new Dictionary<string, EntityColumn>() };
        }

        var table = Table(key);
        var selected = ColumnsOf(connection, table)
            .Where(c => c.Name.StartsWith("c_", StringComparison.Ordinal))
            .Select(c => (Field: DatasetLayout.FieldOfColumn(c.Name), Type: PostgresLayout.TypeOf(c.Type)))
            .Where(c => columns is null || columns.Contains(c.Field, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var ids = new List<string>();
        var bulk = new List<bool>();
        var values = selected.Select(_ => new List<object?>()).ToList();
        var dictionary = Table(DatasetLayout.IdDictionary(DatasetLayout.EntityIdField(type))!);
        using var command = Sql.Command(connection,
            $"SELECT d.id, t.origin{string.Concat(selected.Select(c => ", t." + DatasetLayout.Column(c.Field)))} " +
            $"FROM {table} t JOIN {dictionary} d ON d.idx = t.idx ORDER BY t.idx");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
            bulk.Add(reader.GetInt16(1) == DatasetLayout.OriginBulk);
            for (var c = 0; c < selected.Count; c++)
            {
                values[c].Add(reader.IsDBNull(c + 2) ? null : ReadValue(reader, c + 2, selected[c].Type));
            }
        }

        var result = new Dictionary<string, EntityColumn>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < selected.Count; c++)
        {
            result[selected[c].Field] = new EntityColumn(selected[c].Field, selected[c].Type, [.. values[c]]);
        }

        return new EntityData { Ids = [.. ids], FromBulkImport = [.. bulk], Columns = result };
    }

    private static void RequireEventDataset(DatasetType type)
    {
        if (!DatasetLayout.IsEventDataset(type))
        {
            throw new ArgumentException($"{type.WireName()} is not an event dataset.", nameof(type));
        }
    }

    private DenseIndex NewDenseIndex(NpgsqlConnection connection, string dictionary) =>
        new(Sql.Scalar(connection, $"SELECT coalesce(max(idx), 0) FROM {Table(dictionary)}"));

    private List<(long Stored, string Id)> Dictionary(NpgsqlConnection connection, string dictionary) =>
        Sql.Rows(connection, $"SELECT idx, id FROM {Table(dictionary)}", reader => ((long)reader.GetInt32(0), reader.GetString(1)));

    private static object ReadValue(NpgsqlDataReader reader, int ordinal, AvroType type) => type switch
    {
        AvroType.Int => reader.GetInt32(ordinal),
        AvroType.Long => reader.GetInt64(ordinal),
        AvroType.Float or AvroType.Double => reader.GetDouble(ordinal),
        AvroType.Boolean => reader.GetBoolean(ordinal),
        _ => reader.GetString(ordinal),
    };
}
