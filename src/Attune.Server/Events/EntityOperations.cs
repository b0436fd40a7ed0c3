using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Grains.Live;
using Attune.Grains.Serving.Actions;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Server.Events;

/// <summary>
/// PutItems, PutUsers and PutActions (personalize-events): upsert up to 10 records into an ACTIVE Items, Users or Actions dataset,
/// durably, before answering. Records written this way survive FULL bulk imports, as in Personalize.
/// </summary>
public sealed class EntityOperations(Resources resources, IDatasetStores datasets, IEntityChanges changes, ActionRecommender actions)
    : IOperationFamily
{
    public void Register(OperationHandlers registry)
    {
        registry.Add("PutItems", (input, context) => PutAsync(input, context, DatasetType.Items, "items", "itemId", "ITEM_ID"));
        registry.Add("PutUsers", (input, context) => PutAsync(input, context, DatasetType.Users, "users", "userId", "USER_ID"));
        registry.Add("PutActions", (input, context) => PutAsync(input, context, DatasetType.Actions, "actions", "actionId", "ACTION_ID"));
    }

    private async Task<JsonObject?> PutAsync(
        JsonElement input, CallContext context, DatasetType type, string listMember, string idMember, string idField)
    {
        var dataset = await resources.GetAsync(input.RequiredString("datasetArn"), ResourceKinds.Dataset, context);
        var body = DescribeBody.Read<DatasetRecord>(dataset.Body);
        if (DatasetTypes.Parse(body.DatasetType) != type)
        {
            throw ApiErrors.InvalidInput($"datasetArn {dataset.Arn} is a {body.DatasetType} dataset; {listMember} go to the {type.WireName()} dataset.");
        }
        if (dataset.Status != ResourceStatus.Active)
        {
            throw ApiErrors.InUse($"Dataset {dataset.Arn} is {dataset.Status}; records can be put once it is ACTIVE.");
        }
        var schemaRecord = await resources.GetAsync(body.SchemaArn, ResourceKinds.Schema, context);
        var schema = AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schemaRecord.Body).Schema);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        var reserved = new HashSet<string> { PropertiesJson.Key(idField) };
        var position = 0;
        foreach (var entry in input.OptionalArray(listMember))
        {
            position++;
            var record = PropertiesJson.Read(entry.OptionalString("properties"), $"{listMember}.{position}.properties", schema, reserved);
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
        if (type == DatasetType.Actions)
        {
            actions.ActionsChanged(dataset.ParentArn!);
        }
        await changes.ChangedAsync(dataset.ParentArn!, context.Aborted);
        return [];
    }
}
