using System.Text.Json;

namespace Attune.Storage.Schemas;

/// <summary>Reads one entry of an Avro record's <c>fields</c> array under Personalize's restrictions.</summary>
internal static class SchemaFieldParser
{
    public static SchemaField Parse(JsonElement element, int position)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaValidationException($"Field #{position + 1} must be a JSON object with \"name\" and \"type\".");
        }

        var name = AvroSchema.OptionalString(element, "name", $"field #{position + 1}");
        if (string.IsNullOrEmpty(name))
        {
            throw new SchemaValidationException($"Field #{position + 1} has no \"name\".");
        }

        if (!AvroSchema.IsAvroName(name) || name.Length > AvroSchema.MaxFieldNameLength)
        {
            throw new SchemaValidationException(
                $"Field name '{name}' is invalid: it must match [A-Za-z_][A-Za-z0-9_]* and be at most {AvroSchema.MaxFieldNameLength} characters.");
        }

        if (!element.TryGetProperty("type", out var typeElement))
        {
            throw new SchemaValidationException($"Field '{name}' has no \"type\".");
        }

        var (type, nullable) = ParseType(name, typeElement);
        var categorical = Flag(element, name, "categorical");
        var textual = Flag(element, name, "textual");
        var itemName = Flag(element, name, "itemName");
        if ((categorical || textual || itemName) && type != AvroType.String)
        {
            var attribute = categorical ? "categorical" : textual ? "textual" : "itemName";
            throw new SchemaValidationException($"Field '{name}' is marked \"{attribute}\" but its type is not string.");
        }

        if (categorical && textual)
        {
            throw new SchemaValidationException($"Field '{name}' cannot be both \"categorical\" and \"textual\".");
        }

        return new SchemaField(name, type, nullable, categorical, textual, itemName);
    }

    private static (AvroType Type, bool Nullable) ParseType(string field, JsonElement type)
    {
        switch (type.ValueKind)
        {
            case JsonValueKind.String:
                var single = Primitive(field, type.GetString()!);
                return (single, single == AvroType.Null);
            case JsonValueKind.Array:
                var members = type.EnumerateArray().ToList();
                if (members.Count != 2 || members.Any(m => m.ValueKind != JsonValueKind.String))
                {
                    throw new SchemaValidationException(
                        $"Field '{field}' has an unsupported union type {type.GetRawText()}: only a primitive type together with \"null\" is allowed.");
                }

                var first = Primitive(field, members[0].GetString()!);
                var second = Primitive(field, members[1].GetString()!);
                if ((first == AvroType.Null) == (second == AvroType.Null))
                {
                    throw new SchemaValidationException(
                        $"Field '{field}' has an unsupported union type {type.GetRawText()}: a union must be exactly one primitive type and \"null\".");
                }

                return (first == AvroType.Null ? second : first, true);
            case JsonValueKind.Object:
                throw new SchemaValidationException(
                    $"Field '{field}' has an unsupported complex type {type.GetRawText()}: records, arrays, maps, enums and fixed are not allowed.");
            default:
                throw new SchemaValidationException($"Field '{field}' has an invalid \"type\" {type.GetRawText()}.");
        }
    }

    private static AvroType Primitive(string field, string name) => name switch
    {
        "null" => AvroType.Null,
        "boolean" => AvroType.Boolean,
        "int" => AvroType.Int,
        "long" => AvroType.Long,
        "float" => AvroType.Float,
        "double" => AvroType.Double,
        "string" => AvroType.String,
        _ => throw new SchemaValidationException(
            $"Field '{field}' has unsupported type \"{name}\"; allowed types are float, double, int, long, string, boolean and null."),
    };

    private static bool Flag(JsonElement element, string field, string attribute)
    {
        if (!element.TryGetProperty(attribute, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new SchemaValidationException($"Attribute \"{attribute}\" of field '{field}' must be true or false."),
        };
    }
}
