using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>Reads for training and serving.</summary>
public sealed partial class SqliteDatasetStore
{
    /// <summary>All visible events of <paramref name="type"/> (Interactions or Action_Interactions) as columnar arrays in file order.</summary>
    public InteractionData ReadInteractions(DatasetType type = DatasetType.Interactions)
    {
        if (!DatasetLayout.IsEventDataset(type))
        {
            throw new ArgumentException($"{type.WireName()} is not an event dataset.", nameof(type));
        }

        using var connection = OpenConnection();
        using var snapshot = new ReadSnapshot(connection);
        var tables = VisibleTables(connection, type);
        var count = checked((int)tables.Sum(table => Scalar(connection, $"SELECT count(*) FROM \"{table}\"")));
        var itemDictionary = type == DatasetType.Interactions ? DatasetLayout.ItemIds : DatasetLayout.ActionIds;
        var columns = new InteractionColumns(count, NewDenseIndex(connection, DatasetLayout.UserIds),
            NewDenseIndex(connection, itemDictionary), NewDenseIndex(connection, DatasetLayout.EventTypes));
        foreach (var table in tables)
        {
            using var query = new RawStatement(connection, $"SELECT {DatasetLayout.EventColumns} FROM \"{table}\" ORDER BY rowid");
            while (!columns.IsFull && query.Next())
            {
                columns.Add(query.ColumnLong(0), query.ColumnLong(1), query.ColumnLong(2),
                    query.ColumnIsNull(3) ? null : query.ColumnLong(3), query.ColumnIsNull(4) ? null : query.ColumnDouble(4));
            }
        }

        return columns.Build(
            columns.Users.Names(() => Dictionary(connection, DatasetLayout.UserIds)),
            columns.Items.Names(() => Dictionary(connection, itemDictionary)),
            columns.EventTypes.Names(() => Dictionary(connection, DatasetLayout.EventTypes)),
            type == DatasetType.Interactions ? PutWatermark(connection) : 0);
    }

    /// <summary>
    /// One optional column of an event dataset (e.g. IMPRESSION or a contextual metadata field), aligned row by row
    /// with <see cref="ReadInteractions"/>; null where empty or where an import's schema lacked the field.
    /// </summary>
    public object?[] ReadInteractionColumn(string field, DatasetType type = DatasetType.Interactions)
    {
        if (!DatasetLayout.IsEventDataset(type))
        {
            throw new ArgumentException($"{type.WireName()} is not an event dataset.", nameof(type));
        }

        using var connection = OpenConnection();
        using var snapshot = new ReadSnapshot(connection);
        var values = new List<object?>();
        foreach (var table in VisibleTables(connection, type))
        {
            var column = ColumnsOf(connection, table).FirstOrDefault(c => c.Name.Equals("c_" + field, StringComparison.OrdinalIgnoreCase));
            if (column.Name is null)
            {
                values.AddRange(new object?[Scalar(connection, $"SELECT count(*) FROM \"{table}\"")]);
                continue;
            }

            var avroType = SqliteLayout.TypeOfDeclared(column.DeclaredType);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"{column.Name}\" FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                values.Add(reader.IsDBNull(0) ? null : ReadValue(reader, 0, avroType));
            }
        }

        return [.. values];
    }

    /// <summary>
    /// Items, users or actions with their metadata columns (all when <paramref name="columns"/> is null; unknown
    /// names are skipped), ordered by first appearance of the id.
    /// </summary>
    public EntityData ReadEntities(DatasetType type, IReadOnlyCollection<string>? columns = null)
    {
        if (DatasetLayout.IsEventDataset(type))
        {
            throw new ArgumentException($"{type.WireName()} is not an items, users or actions dataset.", nameof(type));
        }

        using var connection = OpenConnection();
        using var snapshot = new ReadSnapshot(connection);
        var table = DatasetLayout.Key(type);
        if (!TableExists(connection, table))
        {
            return new EntityData { Ids = [], FromBulkImport = [], Columns = new Dictionary<string, EntityColumn>() };
        }

        var selected = ColumnsOf(connection, table)
            .Where(c => c.Name.StartsWith("c_", StringComparison.Ordinal))
            .Select(c => (Field: DatasetLayout.FieldOfColumn(c.Name), Type: SqliteLayout.TypeOfDeclared(c.DeclaredType)))
            .Where(c => columns is null || columns.Contains(c.Field, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var count = checked((int)Scalar(connection, $"SELECT count(*) FROM \"{table}\""));
        var ids = new string[count];
        var bulk = new bool[count];
        var values = selected.Select(_ => new object?[count]).ToList();
        var dictionary = DatasetLayout.IdDictionary(DatasetLayout.EntityIdField(type))!;
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT d.id, t.origin{string.Concat(selected.Select(c => ", t." + DatasetLayout.Column(c.Field)))} " +
            $"FROM \"{table}\" t JOIN {dictionary} d ON d.idx = t.idx ORDER BY t.idx";
        using var reader = command.ExecuteReader();
        var row = 0;
        while (reader.Read() && row < count)
        {
            ids[row] = reader.GetString(0);
            bulk[row] = reader.GetInt64(1) == DatasetLayout.OriginBulk;
            for (var c = 0; c < selected.Count; c++)
            {
                values[c][row] = reader.IsDBNull(c + 2) ? null : ReadValue(reader, c + 2, selected[c].Type);
            }

            row++;
        }

        var result = new Dictionary<string, EntityColumn>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < selected.Count; c++)
        {
            result[selected[c].Field] = new EntityColumn(selected[c].Field, selected[c].Type, values[c]);
        }

        return new EntityData { Ids = ids[..row], FromBulkImport = bulk[..row], Columns = result };
    }

    private static DenseIndex NewDenseIndex(SqliteConnection connection, string dictionary) =>
        new(Scalar(connection, $"SELECT coalesce(max(idx), 0) FROM {dictionary}"));

    private static IEnumerable<(long Stored, string Id)> Dictionary(SqliteConnection connection, string dictionary)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT idx, id FROM {dictionary}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetInt64(0), reader.GetString(1));
        }
    }

    private static object ReadValue(SqliteDataReader reader, int ordinal, AvroType type) => type switch
    {
        AvroType.Int => reader.GetInt32(ordinal),
        AvroType.Long => reader.GetInt64(ordinal),
        AvroType.Float or AvroType.Double => reader.GetDouble(ordinal),
        AvroType.Boolean => reader.GetInt64(ordinal) != 0,
        _ => reader.GetString(ordinal),
    };
}
