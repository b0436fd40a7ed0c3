using Attune.Storage.Schemas;

namespace Attune.Storage.Datasets;

/// <summary>
/// The SELECT a dataset export reads one table with, the same for every backend: the schema's fields in order, ids
/// resolved through their dictionaries, a field the table has no column for (an older import's schema) as NULL.
/// <c>from</c> is the table read, as the backend names it; <c>table</c> maps a dictionary's name the same way (quoted, schema-qualified).
/// </summary>
public static class ExportQuery
{
    public static string EventRows(DatasetType type, string from, IReadOnlyList<SchemaField> fields, IReadOnlySet<string> columns,
        string orderColumn, Func<string, string> table)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(table);
        var items = type == DatasetType.Interactions ? DatasetLayout.ItemIds : DatasetLayout.ActionIds;
        var select = fields.Select(field => field.Name.ToUpperInvariant() switch
        {
            "USER_ID" => "u.id",
            "ITEM_ID" or "ACTION_ID" => "i.id",
            "TIMESTAMP" => "t.ts",
            "EVENT_TYPE" => "e.id",
            "EVENT_VALUE" => "t.event_value",
            _ => Extra(field, columns),
        });
        return $"SELECT {string.Join(", ", select)} FROM {from} t " +
            $"JOIN {table(DatasetLayout.UserIds)} u ON u.idx = t.user_idx JOIN {table(items)} i ON i.idx = t.item_idx " +
            $"LEFT JOIN {table(DatasetLayout.EventTypes)} e ON e.idx = t.event_type_idx ORDER BY t.{orderColumn}";
    }

    public static string EntityRows(DatasetType type, IReadOnlyList<SchemaField> fields, IReadOnlySet<string> columns, RowOrigins origins,
        Func<string, string> table)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(table);
        var idField = DatasetLayout.EntityIdField(type);
        var select = fields.Select(field => field.Name.Equals(idField, StringComparison.OrdinalIgnoreCase) ? "d.id" : Extra(field, columns));
        var where = origins switch
        {
            RowOrigins.Bulk => $" WHERE t.origin = {DatasetLayout.OriginBulk}",
            RowOrigins.Put => $" WHERE t.origin = {DatasetLayout.OriginPut}",
            _ => string.Empty,
        };
        return $"SELECT {string.Join(", ", select)} FROM {table(DatasetLayout.Key(type))} t " +
            $"JOIN {table(DatasetLayout.IdDictionary(idField)!)} d ON d.idx = t.idx{where} ORDER BY t.idx";
    }

    private static string Extra(SchemaField field, IReadOnlySet<string> columns) =>
        columns.Contains("c_" + field.Name.ToUpperInvariant()) ? "t." + DatasetLayout.Column(field.Name) : "NULL";
}
