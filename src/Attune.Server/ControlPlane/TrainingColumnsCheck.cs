using System.Text.Json;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;

namespace Attune.Server.ControlPlane;

/// <summary>
/// recommenderConfig.trainingDataConfig: each key names a dataset type of the group (Interactions, Items, Users) and each
/// column a field of that dataset's schema; the identifiers and the interactions' TIMESTAMP and EVENT_TYPE cannot be
/// left out. InvalidInputException names the member and the problem.
/// </summary>
public sealed class TrainingColumnsCheck(Resources resources)
{
    private static readonly string[] Datasets = ["Interactions", "Items", "Users"];

    private static readonly HashSet<string> Kept = new(["USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE"], StringComparer.OrdinalIgnoreCase);

    public async Task CheckAsync(JsonElement? config, string groupArn, CallContext context)
    {
        if (config?.OptionalObject("trainingDataConfig") is not { } training)
        {
            return;
        }
        Dictionary<string, AvroSchema>? schemas = null;
        foreach (var member in new[] { "excludedDatasetColumns", "includedDatasetColumns" })
        {
            if (training.OptionalObject(member) is not { } columns)
            {
                continue;
            }
            foreach (var dataset in columns.EnumerateObject())
            {
                var path = $"recommenderConfig.trainingDataConfig.{member}.{dataset.Name}";
                if (!Datasets.Contains(dataset.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw ApiErrors.InvalidInput($"{path}: the keys are {string.Join(", ", Datasets)}.");
                }
                schemas ??= await SchemasAsync(groupArn, context);
                if (!schemas.TryGetValue(dataset.Name, out var schema))
                {
                    throw ApiErrors.InvalidInput($"{path}: dataset group {groupArn} has no {dataset.Name} dataset.");
                }
                foreach (var column in dataset.Value.EnumerateArray().Select(c => c.GetString()!))
                {
                    if (schema.Find(column) is null)
                    {
                        throw ApiErrors.InvalidInput($"{path}: {column} is not a column of the {dataset.Name} schema.");
                    }
                    if (member == "excludedDatasetColumns" && Kept.Contains(column))
                    {
                        throw ApiErrors.InvalidInput($"{path}: {column} is required for training and cannot be excluded.");
                    }
                }
            }
        }
    }

    /// <summary>The group's datasets' schemas by dataset type (case-insensitive, as the keys are matched).</summary>
    private async Task<Dictionary<string, AvroSchema>> SchemasAsync(string groupArn, CallContext context)
    {
        var schemas = new Dictionary<string, AvroSchema>(StringComparer.OrdinalIgnoreCase);
        foreach (var dataset in await resources.Registry.ListLiveChildrenAsync(groupArn, [ResourceKinds.Dataset], context.Aborted))
        {
            var body = DescribeBody.Read<DatasetRecord>(dataset.Body);
            if (await resources.Registry.GetAsync(body.SchemaArn, context.Aborted) is { } schema)
            {
                schemas[body.DatasetType] = AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schema.Body).Schema);
            }
        }
        return schemas;
    }
}
