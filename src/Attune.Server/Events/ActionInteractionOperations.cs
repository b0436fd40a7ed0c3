using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Grains.Serving.Actions;
using Attune.Recipes.Actions;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Datasets;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;

namespace Attune.Server.Events;

/// <summary>
/// PutActionInteractions (personalize-events): up to 10 action interactions for the Action_Interactions dataset whose
/// trackingId the request names, stored durably (committed before the 200) as put rows, which FULL imports keep, then
/// handed to <see cref="ActionRecommender"/> so that the next GetActionRecommendations sees them.
/// eventType must be TAKEN, NOT_TAKEN or VIEWED (Personalize's docs also write Taken, Not Taken, Viewed; stored as the former).
/// A request without userId is stored under its sessionId, as USER_ID cannot be empty.
/// </summary>
public sealed class ActionInteractionOperations(Resources resources, IDatasetStores datasets, ActionRecommender recommender) : IOperationFamily
{
    /// <summary>Epoch seconds beyond this are almost surely milliseconds (year 5138).</summary>
    private const double MaxTimestamp = 1e11;

    /// <summary>Members of ActionInteraction that say what the interaction is; properties cannot set them.</summary>
    private static readonly HashSet<string> ReservedKeys = new(
        new[] { "actionId", "userId", "sessionId", "timestamp", "eventType", "eventId", "recommendationId", "impression" }.Select(PropertiesJson.Key),
        StringComparer.Ordinal);

    public void Register(OperationHandlers registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("PutActionInteractions", PutAsync);
    }

    private async Task<JsonObject?> PutAsync(JsonElement input, CallContext context)
    {
        var trackingId = input.RequiredString("trackingId");
        var (groupArn, schema) = await ResolveAsync(trackingId, context);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        var position = 0;
        foreach (var entry in input.OptionalArray("actionInteractions"))
        {
            records.Add(Read(entry, $"actionInteractions.{++position}", schema));
        }
        try
        {
            await Task.Run(() =>
            {
                using var store = datasets.Open(groupArn);
                store.Put(DatasetType.ActionInteractions, schema, records);
            }, context.Aborted);
        }
        catch (ArgumentException error)
        {
            throw ApiErrors.InvalidInput($"actionInteractions: {error.Message}");
        }
        recommender.Committed(groupArn, [.. records.Select(r => new StoredActionInteraction(
            r["USER_ID"]!, r["ACTION_ID"]!, long.Parse(r["TIMESTAMP"]!, CultureInfo.InvariantCulture), r["EVENT_TYPE"]!))]);
        return [];
    }

    private static Dictionary<string, string?> Read(JsonElement entry, string member, AvroSchema schema)
    {
        var timestamp = entry.GetProperty("timestamp").GetDouble();
        if (!(timestamp >= 0 && timestamp < MaxTimestamp))
        {
            throw ApiErrors.InvalidInput($"{member}.timestamp: {timestamp.ToString(CultureInfo.InvariantCulture)} is not a time in epoch seconds.");
        }
        var eventType = entry.RequiredString("eventType");
        var canonical = ActionEventTypes.Canonical(eventType)
            ?? throw ApiErrors.InvalidInput($"{member}.eventType '{eventType}' must be TAKEN, NOT_TAKEN or VIEWED.");
        var impression = entry.OptionalArray("impression").Select(i => i.GetString()!).ToList();
        if (impression.Any(i => i.Contains('|', StringComparison.Ordinal)))
        {
            throw ApiErrors.InvalidInput($"{member}.impression: action ids in an impression cannot contain '|'.");
        }

        var record = PropertiesJson.Read(entry.OptionalString("properties"), member + ".properties", schema, ReservedKeys);
        record["USER_ID"] = entry.OptionalString("userId") ?? entry.RequiredString("sessionId");
        record["ACTION_ID"] = entry.RequiredString("actionId");
        record["TIMESTAMP"] = ((long)Math.Floor(timestamp)).ToString(CultureInfo.InvariantCulture);
        record["EVENT_TYPE"] = canonical;
        // Optional columns are kept only where the schema has them, as PutEvents does.
        SetIfColumn(record, schema, "IMPRESSION", impression.Count > 0 ? string.Join('|', impression) : null);
        SetIfColumn(record, schema, "RECOMMENDATION_ID", entry.OptionalString("recommendationId"));
        SetIfColumn(record, schema, "EVENT_ID", entry.OptionalString("eventId"));
        return record;
    }

    private static void SetIfColumn(Dictionary<string, string?> record, AvroSchema schema, string field, string? value)
    {
        if (value is not null && schema.Find(field) is { } column)
        {
            record[column.Name] = value;
        }
    }

    /// <summary>The group and schema of the caller's ACTIVE Action_Interactions dataset with this trackingId; ResourceNotFoundException otherwise.</summary>
    private async Task<(string GroupArn, AvroSchema Schema)> ResolveAsync(string trackingId, CallContext context)
    {
        var found = await resources.Registry.ListReferencingAsync(ResourceKinds.Dataset, "trackingId", trackingId, context.Aborted);
        var dataset = found.FirstOrDefault(d => ArnAccountGuard.AccountOf(d.Arn) == context.AccountId
            && d.Status is not (ResourceStatus.DeletePending or ResourceStatus.DeleteInProgress))
            ?? throw new ApiException("ResourceNotFoundException",
                $"trackingId {trackingId} names no Action_Interactions dataset; use the trackingId that DescribeDataset shows for it.");
        if (dataset.Status != ResourceStatus.Active)
        {
            throw ApiErrors.InUse($"Dataset {dataset.Arn} is {dataset.Status}; action interactions can be put once it is ACTIVE.");
        }
        var schemaRecord = await resources.GetAsync(DescribeBody.Read<DatasetRecord>(dataset.Body).SchemaArn, ResourceKinds.Schema, context);
        return (dataset.ParentArn!, AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schemaRecord.Body).Schema));
    }
}
