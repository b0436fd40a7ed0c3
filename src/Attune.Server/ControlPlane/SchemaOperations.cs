using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;

namespace Attune.Server.ControlPlane;

/// <summary>CreateSchema, DescribeSchema, ListSchemas, DeleteSchema. Schemas are account-level, immutable and have no status.</summary>
public sealed class SchemaOperations(Resources resources) : IOperationFamily
{
    private static readonly string[] SummaryMembers = ["name", "schemaArn", "creationDateTime", "lastUpdatedDateTime", "domain"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateSchema", CreateAsync);
        registry.Add("DescribeSchema", DescribeAsync);
        registry.Add("ListSchemas", ListAsync);
        registry.Add("DeleteSchema", DeleteAsync);
    }

    /// <summary>Parses a stored or submitted schema; a bad one is the caller's InvalidInputException.</summary>
    public static AvroSchema Parse(string json, string? domain)
    {
        try
        {
            var schema = AvroSchema.Parse(json);
            if (domain is not null && schema.InferredType is { } type)
            {
                schema.ValidateFor(type, domain);
            }
            return schema;
        }
        catch (SchemaValidationException error)
        {
            throw ApiErrors.InvalidInput($"Invalid schema: {error.Message}");
        }
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var name = input.RequiredString("name");
        var json = input.RequiredString("schema");
        var domain = input.OptionalString("domain");
        Parse(json, domain);
        var arn = context.Arn(ResourceKinds.Schema, name);
        var schema = new SchemaRecord { Name = name, SchemaArn = arn, Schema = json, Domain = domain };
        await resources.CreateAsync(ResourceKinds.Schema, arn, name, null, DescribeBody.Write(schema), [], context, hasStatus: false);
        return new JsonObject { ["schemaArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("schemaArn"), ResourceKinds.Schema, context);
        return new JsonObject { ["schema"] = record.ParseBody() };
    }

    private async Task<JsonObject?> ListAsync(JsonElement input, CallContext context) => await
        resources.ListAsync(ResourceKinds.Schema, "schemas", null, input, context, SummaryMembers);

    private async Task<JsonObject?> DeleteAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("schemaArn"), ResourceKinds.Schema, context);
        var users = await resources.Registry.ListReferencingAsync(ResourceKinds.Dataset, "schemaArn", record.Arn, context.Aborted);
        var updating = await resources.Registry.ListReferencingAsync(
            ResourceKinds.Dataset, "latestDatasetUpdate.schemaArn", record.Arn, context.Aborted);
        var dependent = users.Concat(updating).Select(d => d.Arn).Distinct().ToList();
        if (dependent.Count > 0)
        {
            throw ApiErrors.InUse($"Schema {record.Arn} is used by dataset(s) {string.Join(", ", dependent)}; delete them first.");
        }
        await resources.Registry.DeleteAsync(record.Arn, context.Aborted);
        return null;
    }
}
