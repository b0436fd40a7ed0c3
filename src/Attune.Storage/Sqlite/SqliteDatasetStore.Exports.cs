using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Storage.Sqlite;

/// <summary>Rows of a dataset as a dataset export job writes them.</summary>
public sealed partial class SqliteDatasetStore
{
    public IEnumerable<object?[]> ReadRows(DatasetType type, IReadOnlyList<SchemaField> fields, RowOrigins origins)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var connection = OpenConnection();
        using var snapshot = new ReadSnapshot(connection);
        foreach (var sql in ExportQueries(connection, type, fields, origins))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new object?[fields.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                yield return row;
            }
        }
    }

    private static List<string> ExportQueries(Microsoft.Data.Sqlite.SqliteConnection connection, DatasetType type, IReadOnlyList<SchemaField> fields,
        RowOrigins origins)
    {
        static string Quoted(string name) => $"\"{name}\"";
        HashSet<string> Columns(string table) => ColumnsOf(connection, table).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!DatasetLayout.IsEventDataset(type))
        {
            var table = DatasetLayout.Key(type);
            return TableExists(connection, table) ? [ExportQuery.EntityRows(type, fields, Columns(table), origins, Quoted)] : [];
        }

        var put = DatasetLayout.PutTable(type);
        return VisibleTables(connection, type)
            .Where(table => origins.HasFlag(table == put ? RowOrigins.Put : RowOrigins.Bulk))
            .Select(table => ExportQuery.EventRows(type, Quoted(table), fields, Columns(table), "rowid", Quoted))
            .ToList();
    }
}
