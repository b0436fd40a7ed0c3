using Attune.Storage.Schemas;

namespace Attune.Storage.Datasets;

/// <summary>
/// Table names and DDL of a dataset group's database. Event datasets (Interactions, Action_Interactions) keep each
/// committed bulk import in its own table <c>&lt;key&gt;_b&lt;batch&gt;</c> (rows in file order) and Put* rows in
/// <c>&lt;key&gt;_put</c>; entity datasets (Items, Users, Actions) keep one table keyed by the interned id with an
/// <c>origin</c> column. Schema columns are stored as <c>c_&lt;NAME&gt;</c>. Every backend follows it; the SQLite
/// DDL is in <c>SqliteLayout</c>, PostgreSQL's in <c>PostgresLayout</c>.
/// </summary>
public static class DatasetLayout
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

    /// <summary><c>, "c_A", "c_B"</c> for the given fields.</summary>
    public static string ColumnList(IEnumerable<SchemaField> extras) => string.Concat(extras.Select(f => ", " + Column(f.Name)));
}
