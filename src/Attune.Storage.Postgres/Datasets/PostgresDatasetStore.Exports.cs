using System.Data;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>Rows of a dataset as a dataset export job writes them, in one REPEATABLE READ snapshot.</summary>
public sealed partial class PostgresDatasetStore
{
    public IEnumerable<object?[]> ReadRows(DatasetType type, IReadOnlyList<SchemaField> fields, RowOrigins origins)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var connection = OpenConnection();
        using var snapshot = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        foreach (var sql in ExportQueries(connection, type, fields, origins))
        {
            using var command = Sql.Command(connection, sql);
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

    private List<string> ExportQueries(NpgsqlConnection connection, DatasetType type, IReadOnlyList<SchemaField> fields, RowOrigins origins)
    {
        HashSet<string> Columns(string table) => ColumnsOf(connection, table).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!DatasetLayout.IsEventDataset(type))
        {
            var name = DatasetLayout.Key(type);
            return TableExists(connection, name) ? [ExportQuery.EntityRows(type, fields, Columns(Table(name)), origins, Table)] : [];
        }

        var put = Table(DatasetLayout.PutTable(type));
        return VisibleTables(connection, type)
            .Where(table => origins.HasFlag(table == put ? RowOrigins.Put : RowOrigins.Bulk))
            .Select(table => ExportQuery.EventRows(type, table, fields, Columns(table), "seq", Table))
            .ToList();
    }
}
