using System.Text.Json;

namespace Attune.Storage.Schemas;

/// <summary>A validated Personalize Avro record schema.</summary>
public sealed class AvroSchema
{
    public const int MaxJsonLength = 20_000;
    public const int MaxFieldNameLength = 150;

    private readonly Dictionary<string, SchemaField> _byName;
    private readonly Dictionary<string, SchemaField> _byAlphanumericKey;

    private AvroSchema(string json, string name, string? @namespace, IReadOnlyList<SchemaField> fields)
    {
        Json = json;
        Name = name;
        Namespace = @namespace;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _byAlphanumericKey = fields.ToDictionary(f => AlphanumericKey(f.Name), StringComparer.OrdinalIgnoreCase);
        InferredType = DatasetTypes.TryParse(name, out var type) ? type : null;
    }

    /// <summary>The schema JSON exactly as given (returned by DescribeSchema).</summary>
    public string Json { get; }

    /// <summary>The record name.</summary>
    public string Name { get; }

    public string? Namespace { get; }

    public IReadOnlyList<SchemaField> Fields { get; }

    /// <summary>The dataset type the record name names (e.g. <c>Interactions</c>), if it names one.</summary>
    public DatasetType? InferredType { get; }

    /// <summary>The field with this name (case-insensitive), or null.</summary>
    public SchemaField? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The field a PutEvents/PutItems <c>properties</c> key names: keys are camelCase forms of the columns
    /// (<c>numberOfRatings</c> ↔ <c>NUMBER_OF_RATINGS</c>), unambiguous because names are unique ignoring case and
    /// non-alphanumerics. Exact names match too.
    /// </summary>
    public SchemaField? FindProperty(string key) => _byAlphanumericKey.GetValueOrDefault(AlphanumericKey(key));

    /// <summary>
    /// Parses and validates the schema JSON. When the record name names a dataset type, the schema is also
    /// validated for that type (custom dataset group). Throws <see cref="SchemaValidationException"/> with the reason.
    /// </summary>
    public static AvroSchema Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new SchemaValidationException("The schema is empty.");
        }

        if (json.Length > MaxJsonLength)
        {
            throw new SchemaValidationException($"The schema is {json.Length} characters long; at most {MaxJsonLength} are allowed.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SchemaValidationException($"The schema is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var schema = FromRecord(json, document.RootElement);
            if (schema.InferredType is { } type)
            {
                schema.ValidateFor(type, domain: null);
            }

            return schema;
        }
    }

    /// <summary>
    /// Checks required and reserved columns, their types, metadata-column limits and textual rules for a dataset of
    /// <paramref name="type"/> in a group of <paramref name="domain"/> (null, <c>ECOMMERCE</c> or <c>VIDEO_ON_DEMAND</c>).
    /// </summary>
    public void ValidateFor(DatasetType type, string? domain) => DatasetSchemaRules.Validate(this, type, domain);

    private static AvroSchema FromRecord(string json, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaValidationException("The schema must be a JSON object describing an Avro record.");
        }

        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "record")
        {
            throw new SchemaValidationException("The schema's \"type\" must be \"record\".");
        }

        var name = OptionalString(root, "name", "the record") ?? throw new SchemaValidationException("The schema has no record \"name\".");
        if (!IsAvroName(name))
        {
            throw new SchemaValidationException($"The record name '{name}' is not a valid Avro name ([A-Za-z_][A-Za-z0-9_]*).");
        }

        var @namespace = OptionalString(root, "namespace", "the record");
        if (!root.TryGetProperty("fields", out var fieldsElement) || fieldsElement.ValueKind != JsonValueKind.Array)
        {
            throw new SchemaValidationException("The schema has no \"fields\" array.");
        }

        if (fieldsElement.GetArrayLength() == 0)
        {
            throw new SchemaValidationException("The schema's \"fields\" array is empty.");
        }

        var fields = new List<SchemaField>(fieldsElement.GetArrayLength());
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in fieldsElement.EnumerateArray())
        {
            var field = SchemaFieldParser.Parse(element, fields.Count);
            var key = AlphanumericKey(field.Name);
            if (seen.TryGetValue(key, out var earlier))
            {
                throw new SchemaValidationException(earlier.Equals(field.Name, StringComparison.OrdinalIgnoreCase)
                    ? $"Field '{field.Name}' is defined more than once."
                    : $"Fields '{earlier}' and '{field.Name}' conflict: field names must be unique ignoring case and non-alphanumeric characters.");
            }

            seen.Add(key, field.Name);
            fields.Add(field);
        }

        return new AvroSchema(json, name, @namespace, fields);
    }

    internal static string? OptionalString(JsonElement owner, string property, string what)
    {
        if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new SchemaValidationException($"\"{property}\" of {what} must be a string.");
    }

    internal static bool IsAvroName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string AlphanumericKey(string name) =>
        string.Concat(name.Where(char.IsAsciiLetterOrDigit));
}
