using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Catalog;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Server.Events;

/// <summary>
/// PutItems and PutUsers (personalize-events): upsert up to 10 records into an ACTIVE Items or Users dataset,
/// durably, before answering. Records written this way survive FULL bulk imports, as in Personalize.
/// </summary>
public sealed class EntityOperations(Resources resources, IDatasetStores datasets) : IOperationFamily
{
    public void Register(OperationRegistry registry)
    {
        registry.Add("PutItems", (input, context) => PutAsync(input, context, DatasetType.Items, "items", "itemId", "ITEM_ID"));
        registry.Add("PutUsers", (input, context) => PutAsync(input, context, DatasetType.Users, "users", "userId", "USER_ID"));
    }

    private async Task<JsonObject?> PutAsync(
        JsonElement input, CallContext context, DatasetType type, string listMember, string idMember, string idField)
    {
        var dataset = await resources.GetAsync(input.RequiredString("datasetArn"), ResourceKinds.Dataset, context);
        var body = dataset.ParseBody();
        if (DatasetTypes.Parse(body["datasetType"]!.GetValue<string>()) != type)
        {
            throw ApiErrors.InvalidInput($"datasetArn {dataset.Arn} is a {body["datasetType"]} dataset; {listMember} go to the {type.WireName()} dataset.");
        }
        if (dataset.Status != ResourceStatus.Active)
        {
            throw ApiErrors.InUse($"Dataset {dataset.Arn} is {dataset.Status}; records can be put once it is ACTIVE.");
        }
        var schemaRecord = await resources.GetAsync(body["schemaArn"]!.GetValue<string>(), ResourceKinds.Schema, context);
        var schema = AvroSchema.Parse(schemaRecord.ParseBody()["schema"]!.GetValue<string>());
        var records = new List<IReadOnlyDictionary<string, string?>>();
        var position = 0;
        foreach (var entry in input.OptionalArray(listMember))
        {
            position++;
            var record = Properties(entry.OptionalString("properties"), $"{listMember}.{position}.properties", schema, idField);
            record[idField] = entry.RequiredString(idMember);
            records.Add(record);
        }
        try
        {
            await Task.Run(() =>
            {
                using var store = datasets.Open(dataset.ParentArn!);
                store.Put(type, schema, records);
            }, context.Aborted);
        }
        catch (ArgumentException error)
        {
            throw ApiErrors.InvalidInput($"{listMember}: {error.Message}");
        }
        return [];
    }

    /// <summary>
    /// The properties JSON string (camelCase keys of schema columns, e.g. numberOfRatings for NUMBER_OF_RATINGS) as
    /// field → text in CSV conventions; categorical multi-values are "a|b" strings.
    /// </summary>
    private static Dictionary<string, string?> Properties(string? json, string member, AvroSchema schema, string idField)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null)
        {
            return values;
        }
        using var document = ParseObject(json, member);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var field = schema.FindProperty(property.Name)
                ?? throw ApiErrors.InvalidInput($"{member}: '{property.Name}' is not a column of the {schema.Name} schema.");
            if (field.Name.Equals(idField, StringComparison.OrdinalIgnoreCase))
            {
                throw ApiErrors.InvalidInput($"{member}: the id goes in its own member, not in properties ('{property.Name}').");
            }
            values[field.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => throw ApiErrors.InvalidInput($"{member}: '{property.Name}' must be a string, number, boolean or null."),
            };
        }
        return values;
    }

    private static JsonDocument ParseObject(string json, string member)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }
            document.Dispose();
        }
        catch (JsonException)
        {
        }
        throw ApiErrors.InvalidInput($"{member}: Error parsing properties json; it must be a JSON object of column values.");
    }
}
