namespace Attune.Storage.Schemas;

/// <summary>One field of a Personalize Avro schema.</summary>
/// <param name="Name">Column name as written in the schema (CSV headers match it case-insensitively).</param>
/// <param name="Type">The non-null type; <see cref="AvroType.Null"/> only for a field typed plain <c>"null"</c>.</param>
/// <param name="Nullable">True when the type is a union with <c>null</c> (an empty CSV cell is then a null).</param>
/// <param name="Categorical">String field holding <c>|</c>-separated categories.</param>
/// <param name="Textual">String field holding unstructured text (Items only, at most one).</param>
/// <param name="ItemName">String field naming the item (Items only).</param>
public sealed record SchemaField(string Name, AvroType Type, bool Nullable, bool Categorical = false, bool Textual = false, bool ItemName = false)
{
    public bool IsNumeric => Type is AvroType.Int or AvroType.Long or AvroType.Float or AvroType.Double;

    public bool IsString => Type == AvroType.String;

    /// <summary>The type as Avro JSON writes it, for messages (<c>["string","null"]</c> style for nullable).</summary>
    public string TypeText => Nullable && Type != AvroType.Null
        ? $"[\"{Type.ToString().ToLowerInvariant()}\",\"null\"]"
        : Type.ToString().ToLowerInvariant();
}
