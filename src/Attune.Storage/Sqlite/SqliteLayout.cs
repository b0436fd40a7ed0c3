using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Storage.Sqlite;

/// <summary>
/// The SQLite DDL and statements of <see cref="DatasetLayout"/>'s tables: the Avro type of a schema column is its
/// declared type (read back by <see cref="TypeOfDeclared"/>), parameters are positional (<c>?1</c>, <c>?2</c>, ...).
/// </summary>
internal static class SqliteLayout
{
    public static string DeclaredType(AvroType type) => type switch
    {
        AvroType.Boolean => "BOOLEAN",
        AvroType.Int => "INT",
        AvroType.Long => "BIGINT",
        AvroType.Float => "FLOAT",
        AvroType.Double => "DOUBLE",
        _ => "TEXT",
    };

    public static AvroType TypeOfDeclared(string declared) => declared.ToUpperInvariant() switch
    {
        "BOOLEAN" => AvroType.Boolean,
        "INT" => AvroType.Int,
        "BIGINT" => AvroType.Long,
        "FLOAT" => AvroType.Float,
        "DOUBLE" => AvroType.Double,
        _ => AvroType.String,
    };

    public static string CreateEventTable(string table, IEnumerable<SchemaField> extras) =>
        $"CREATE TABLE IF NOT EXISTS \"{table}\" (user_idx INTEGER NOT NULL, item_idx INTEGER NOT NULL, ts INTEGER NOT NULL, " +
        $"event_type_idx INTEGER, event_value REAL{ColumnDefinitions(extras)})";

    public static string CreateEntityStaging(string table, IEnumerable<SchemaField> extras) =>
        $"CREATE TABLE IF NOT EXISTS \"{table}\" (idx INTEGER PRIMARY KEY{ColumnDefinitions(extras)})";

    public static string CreateEntityTable(string table, IEnumerable<SchemaField> extras) =>
        $"CREATE TABLE IF NOT EXISTS \"{table}\" (idx INTEGER PRIMARY KEY, origin INTEGER NOT NULL{ColumnDefinitions(extras)})";

    /// <summary>Insert of one event row: <c>?1 user, ?2 item/action, ?3 ts, ?4 event type, ?5 event value, ?6.. extras</c>.</summary>
    public static string InsertEvent(string table, IReadOnlyList<SchemaField> extras) =>
        $"INSERT INTO \"{table}\" ({DatasetLayout.EventColumns}{DatasetLayout.ColumnList(extras)}) VALUES ({Parameters(1, 5 + extras.Count)})";

    /// <summary>Upsert of one entity row: <c>?1 idx, ?2.. extras</c>; with an <paramref name="origin"/> for the entity table itself.</summary>
    public static string UpsertEntity(string table, IReadOnlyList<SchemaField> extras, int? origin) => origin is { } value
        ? $"INSERT OR REPLACE INTO \"{table}\" (idx, origin{DatasetLayout.ColumnList(extras)}) VALUES (?1, {value}{(extras.Count > 0 ? ", " : string.Empty)}{Parameters(2, 1 + extras.Count)})"
        : $"INSERT OR REPLACE INTO \"{table}\" (idx{DatasetLayout.ColumnList(extras)}) VALUES ({Parameters(1, 1 + extras.Count)})";

    private static string Parameters(int first, int last) =>
        string.Join(", ", Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(i => $"?{i}"));

    private static string ColumnDefinitions(IEnumerable<SchemaField> extras) =>
        string.Concat(extras.Select(f => $", {DatasetLayout.Column(f.Name)} {DeclaredType(f.Type)}"));
}
