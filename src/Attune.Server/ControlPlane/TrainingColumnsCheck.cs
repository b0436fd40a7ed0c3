using System.Text.Json;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;

namespace Attune.Server.ControlPlane;

/// <summary>
/// trainingDataConfig (of solutionConfig and recommenderConfig): each key names a dataset type of the group (Interactions, Items, Users) and each
/// column a field of that dataset's schema; the identifiers and the interactions' TIMESTAMP and EVENT_TYPE cannot be
/// left out; a dataset type has included or excluded columns, not both. InvalidInputException names the member and the
/// problem. Keys match case-insensitively, as the training data loader reads them.
/// </summary>
public sealed class TrainingColumnsCheck(Resources resources)
{
    private static readonly string[] Datasets = ["Interactions", "Items", "Users"];

    private static readonly HashSet<string> Kept = new(["USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Checks <paramref name="config"/>'s trainingDataConfig. A recommender trains at once, so its group must have the
    /// datasets named (<paramref name="datasetsMustExist"/>); a solution may be created before them, and its columns are
    /// checked against the schemas present.
    /// </summary>
    public async Task CheckAsync(JsonElement? config, string groupArn, CallContext context, string configMember = "recommenderConfig",
        bool datasetsMustExist = true)
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
                var path = $"{configMember}.trainingDataConfig.{member}.{dataset.Name}";
                if (!Datasets.Contains(dataset.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw ApiErrors.InvalidInput($"{path}: the keys are {string.Join(", ", Datasets)}.");
                }
                if (member == "includedDatasetColumns" && training.OptionalObject("excludedDatasetColumns") is { } excluded
                    && excluded.EnumerateObject().Any(e => e.Name.Equals(dataset.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw ApiErrors.InvalidInput($"{configMember}.trainingDataConfig names {dataset.Name} in both includedDatasetColumns and " +
                        "excludedDatasetColumns; give one.");
                }
                schemas ??= await SchemasAsync(groupArn, context);
                if (!schemas.TryGetValue(dataset.Name, out var schema))
                {
                    if (!datasetsMustExist)
                    {
                        continue;
                    }
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
