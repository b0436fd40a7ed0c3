using Attune.Storage.Schemas;

namespace Attune.Storage.Datasets;

/// <summary>
/// Table names and DDL of a dataset group's database. Event datasets (Interactions, Action_Interactions) keep each
/// committed bulk import in its own table <c>&lt;key&gt;_b&lt;batch&gt;</c> (rows in file order) and Put* rows in
/// <c>&lt;key&gt;_put</c>; entity datasets (Items, Users, Actions) keep one table keyed by the interned id with an
/// <c>origin</c> column. Schema columns are stored as <c>c_&lt;NAME&gt;</c> with the Avro type as declared type.
/// </summary>
internal static class DatasetLayout
{
    public const string UserIds = "ids_user";
    public const string ItemIds = "ids_item";
    public const string ActionIds = "ids_action";
    public const string EventTypes = "event_types";
    public const int OriginBulk = 0;
    public const int OriginPut = 1;

    private static readonly string[] CoreInteractionFields = ["USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE"];
    private static readonly string[] CoreActionInteractionFields = ["USER_ID", "ACTION_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE"];

    public const string EventColumns = "user_idx, item_idx, ts, event_type_idx, event_value";

    public static string Key(DatasetType type) => type switch
    {
        DatasetType.Interactions => "interactions",
        DatasetType.Items => "items",
        DatasetType.Users => "users",
        DatasetType.Actions => "actions",
        _ => "action_interactions",
    };

    public static bool IsEventDataset(DatasetType type) => type is DatasetType.Interactions or DatasetType.ActionInteractions;

    /// <summary>The id column that keys an entity dataset.</summary>
    public static string EntityIdField(DatasetType type) => type switch
    {
        DatasetType.Items => "ITEM_ID",
        DatasetType.Users => "USER_ID",
        _ => "ACTION_ID",
    };

    /// <summary>The dictionary an id column is interned in, or null when the field is not an id.</summary>
    public static string? IdDictionary(string field) => field.ToUpperInvariant() switch
    {
        "USER_ID" => UserIds,
        "ITEM_ID" => ItemIds,
        "ACTION_ID" => ActionIds,
        _ => null,
    };

    public static string BatchTable(DatasetType type, long batch) => $"{Key(type)}_b{batch}";

    /// <summary>Where Put* rows go: the <c>_put</c> table for events, the entity table itself otherwise.</summary>
    public static string PutTable(DatasetType type) => IsEventDataset(type) ? $"{Key(type)}_put" : Key(type);

    /// <summary>Schema fields stored as extra columns (everything but the ids and the core event columns).</summary>
    public static List<SchemaField> ExtraFields(DatasetType type, AvroSchema schema)
    {
        string[] core = type switch
        {
            DatasetType.Interactions => CoreInteractionFields,
            DatasetType.ActionInteractions => CoreActionInteractionFields,
            _ => [EntityIdField(type)],
        };
        return schema.Fields.Where(f => !core.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    public static string Column(string field) => $"\"c_{field.ToUpperInvariant()}\"";

    public static string FieldOfColumn(string column) => column[2..];

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
        $"INSERT INTO \"{table}\" ({EventColumns}{ColumnList(extras)}) VALUES ({Parameters(1, 5 + extras.Count)})";

    /// <summary>Upsert of one entity row: <c>?1 idx, ?2.. extras</c>; with an <paramref name="origin"/> for the entity table itself.</summary>
    public static string UpsertEntity(string table, IReadOnlyList<SchemaField> extras, int? origin) => origin is { } value
        ? $"INSERT OR REPLACE INTO \"{table}\" (idx, origin{ColumnList(extras)}) VALUES (?1, {value}{(extras.Count > 0 ? ", " : string.Empty)}{Parameters(2, 1 + extras.Count)})"
        : $"INSERT OR REPLACE INTO \"{table}\" (idx{ColumnList(extras)}) VALUES ({Parameters(1, 1 + extras.Count)})";

    /// <summary><c>, "c_A", "c_B"</c> for the given fields.</summary>
    public static string ColumnList(IEnumerable<SchemaField> extras) => string.Concat(extras.Select(f => ", " + Column(f.Name)));

    private static string Parameters(int first, int last) =>
        string.Join(", ", Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(i => $"?{i}"));

    private static string ColumnDefinitions(IEnumerable<SchemaField> extras) =>
        string.Concat(extras.Select(f => $", {Column(f.Name)} {DeclaredType(f.Type)}"));
}
