using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;

namespace Attune.Server.ControlPlane;

/// <summary>CreateDataset, DescribeDataset, ListDatasets, UpdateDataset, DeleteDataset.</summary>
public sealed class DatasetOperations(Resources resources) : IOperationFamily
{
    private static readonly string[] SummaryMembers =
        ["name", "datasetArn", "datasetType", "status", "creationDateTime", "lastUpdatedDateTime"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateDataset", CreateAsync);
        registry.Add("DescribeDataset", DescribeAsync);
        registry.Add("ListDatasets", ListAsync);
        registry.Add("UpdateDataset", UpdateAsync);
        registry.Add("DeleteDataset", DeleteAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var name = input.RequiredString("name");
        var typeName = input.RequiredString("datasetType");
        if (!DatasetTypes.TryParse(typeName, out var type))
        {
            throw ApiErrors.InvalidInput(
                $"datasetType '{typeName}' is not one of Interactions, Items, Users, Actions, Action_Interactions.");
        }
        var group = await resources.GetAsync(input.RequiredString("datasetGroupArn"), ResourceKinds.DatasetGroup, context);
        if (group.Status != ResourceStatus.Active)
        {
            throw ApiErrors.InUse($"Dataset group {group.Arn} is {group.Status}; datasets can be added once it is ACTIVE.");
        }
        var domain = DescribeBody.Read<DatasetGroupRecord>(group.Body).Domain;
        if (domain is not null && type is DatasetType.Actions or DatasetType.ActionInteractions)
        {
            throw ApiErrors.InvalidInput($"A {domain} domain dataset group cannot hold a {type.WireName()} dataset.");
        }
        var schemaRecord = await resources.GetAsync(input.RequiredString("schemaArn"), ResourceKinds.Schema, context);
        CheckSchemaFits(schemaRecord, type, domain);

        var arn = context.Arn(ResourceKinds.Dataset, $"{group.Name}/{type.ArnSuffix()}");
        var dataset = new DatasetRecord
        {
            Name = name,
            DatasetArn = arn,
            DatasetGroupArn = group.Arn,
            DatasetType = type.WireName(),
            SchemaArn = schemaRecord.Arn,
            // Personalize creates the action-interactions event tracker with the dataset.
            TrackingId = type == DatasetType.ActionInteractions ? Guid.NewGuid().ToString() : null,
        };
        await resources.CreateAsync(ResourceKinds.Dataset, arn, name, group.Arn, DescribeBody.Write(dataset), Tags.Read(input), context);
        return new JsonObject { ["datasetArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("datasetArn"), ResourceKinds.Dataset, context);
        return new JsonObject { ["dataset"] = record.ParseBody() };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.Dataset, "datasets", "datasetGroupArn", ResourceKinds.DatasetGroup, input, context, SummaryMembers);

    /// <summary>
    /// Swaps in a new schema. It must fit the dataset type and keep every column of the current schema with
    /// its type (Personalize lets a schema replacement add columns, not drop or retype them).
    /// </summary>
    private async Task<JsonObject?> UpdateAsync(JsonElement input, CallContext context)
    {
        var dataset = await resources.GetActiveAsync(input.RequiredString("datasetArn"), ResourceKinds.Dataset, context);
        await EnsureNoImportRunningAsync(dataset, context);
        var body = DescribeBody.Read<DatasetRecord>(dataset.Body);
        var type = DatasetTypes.Parse(body.DatasetType);
        var group = await resources.GetAsync(dataset.ParentArn!, ResourceKinds.DatasetGroup, context);
        var domain = DescribeBody.Read<DatasetGroupRecord>(group.Body).Domain;
        var current = await resources.GetAsync(body.SchemaArn, ResourceKinds.Schema, context);
        var replacement = await resources.GetAsync(input.RequiredString("schemaArn"), ResourceKinds.Schema, context);
        var newSchema = CheckSchemaFits(replacement, type, domain);
        var oldSchema = SchemaOperations.Parse(DescribeBody.Read<SchemaRecord>(current.Body).Schema, null);
        foreach (var field in oldSchema.Fields)
        {
            var kept = newSchema.Find(field.Name);
            if (kept is null || kept.Type != field.Type)
            {
                throw ApiErrors.InvalidInput(
                    $"The new schema must keep column {field.Name} of type {field.Type}; a schema replacement can only add columns.");
            }
        }
        var updated = body with
        {
            SchemaArn = replacement.Arn,
            LastUpdatedDateTime = context.Now,
            LatestDatasetUpdate = new DatasetUpdate
            {
                SchemaArn = replacement.Arn,
                Status = ResourceStatus.Active,
                CreationDateTime = context.Now,
                LastUpdatedDateTime = context.Now,
            },
        };
        // Conditional: of two concurrent updates (or an update and a delete) one wins and the other is told, none is lost.
        if (!await resources.Registry.UpdateIfUnchangedAsync(
            dataset with { UpdatedAt = context.Now, Body = DescribeBody.Text(updated) }, dataset, context.Aborted))
        {
            throw ApiErrors.InUse($"Dataset {dataset.Arn} changed while being updated; describe it and try again.");
        }
        return new JsonObject { ["datasetArn"] = dataset.Arn };
    }

    private async Task<JsonObject?> DeleteAsync(JsonElement input, CallContext context)
    {
        var dataset = await resources.GetAsync(input.RequiredString("datasetArn"), ResourceKinds.Dataset, context);
        await EnsureNoImportRunningAsync(dataset, context);
        await resources.DeleteAsync(dataset, context);
        return null;
    }

    private async Task EnsureNoImportRunningAsync(ResourceRecord dataset, CallContext context)
    {
        var jobs = await resources.Registry.ListLiveChildrenAsync(
            dataset.Arn, [ResourceKinds.DatasetImportJob, ResourceKinds.DatasetExportJob], context.Aborted);
        var running = jobs.FirstOrDefault(j => ResourceStatus.IsTransient(j.Status));
        if (running is not null)
        {
            var what = running.Kind == ResourceKinds.DatasetExportJob ? "an export" : "an import";
            throw ApiErrors.InUse($"Dataset {dataset.Arn} has {what} job in progress: {running.Arn}.");
        }
    }

    private static AvroSchema CheckSchemaFits(ResourceRecord schemaRecord, DatasetType type, string? domain)
    {
        var body = DescribeBody.Read<SchemaRecord>(schemaRecord.Body);
        var schemaDomain = body.Domain;
        if (schemaDomain != domain)
        {
            throw ApiErrors.InvalidInput(
                $"Schema {schemaRecord.Arn} was created for domain {schemaDomain ?? "(none)"} but the dataset group's domain is {domain ?? "(none)"}.");
        }
        var schema = SchemaOperations.Parse(body.Schema, null);
        if (schema.InferredType != type)
        {
            throw ApiErrors.InvalidInput(
                $"Schema {schemaRecord.Arn} is a '{schema.Name}' record; a {type.WireName()} dataset needs a schema whose record name is {type.WireName().Replace("_", "", StringComparison.Ordinal)}.");
        }
        try
        {
            schema.ValidateFor(type, domain);
        }
        catch (SchemaValidationException error)
        {
            throw ApiErrors.InvalidInput($"Schema {schemaRecord.Arn} does not fit a {type.WireName()} dataset: {error.Message}");
        }
        return schema;
    }
}
