using System.Collections.Concurrent;
using Attune.Contracts.Resources;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;

namespace Attune.Server.Events;

/// <summary>Where a trackingId's events go: its dataset group and the Interactions schema they are stored under.</summary>
internal sealed record EventDestination(string DatasetGroupArn, AvroSchema Schema);

/// <summary>
/// Resolves a trackingId to its event tracker's dataset group and Interactions dataset through the registry, and
/// remembers the answer for <see cref="CacheFor"/>, so that PutEvents at thousands of requests per second does not
/// scan the registry each time. A deleted tracker or an updated schema is therefore seen within that time.
/// </summary>
internal sealed class EventTrackers(Resources resources, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (EventDestination Destination, long Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The destination, or ResourceNotFoundException when no ACTIVE tracker of the caller's account has this id.</summary>
    public async ValueTask<EventDestination> ResolveAsync(string trackingId, CallContext context)
    {
        var now = time.GetTimestamp();
        if (!_cache.TryGetValue(trackingId, out var cached) || now >= cached.Until)
        {
            cached = (await LookUpAsync(trackingId, context), now + (long)(CacheFor.TotalSeconds * time.TimestampFrequency));
            _cache[trackingId] = cached;
        }

        // A trackingId works only with a key of its tracker's account; another account hears that it does not exist.
        return ArnAccountGuard.AccountOf(cached.Destination.DatasetGroupArn) == context.AccountId
            ? cached.Destination
            : throw NoTracker(trackingId);
    }

    private static ApiException NoTracker(string trackingId) => new("ResourceNotFoundException",
        $"trackingId {trackingId} names no ACTIVE event tracker; create one with CreateEventTracker and use its trackingId.");

    private async Task<EventDestination> LookUpAsync(string trackingId, CallContext context)
    {
        var trackers = await resources.Registry.ListReferencingAsync(ResourceKinds.EventTracker, "trackingId", trackingId, context.Aborted);
        var tracker = trackers.FirstOrDefault(t => t.Status == ResourceStatus.Active && ArnAccountGuard.AccountOf(t.Arn) == context.AccountId)
            ?? throw NoTracker(trackingId);
        var groupArn = tracker.ParentArn!;
        var datasets = await resources.Registry.ListLiveChildrenAsync(groupArn, [ResourceKinds.Dataset], context.Aborted);
        var interactions = datasets.FirstOrDefault(d => DescribeBody.Read<DatasetRecord>(d.Body).DatasetType == DatasetType.Interactions.WireName())
            ?? throw ApiErrors.InvalidInput(
                $"trackingId {trackingId}: the dataset group {groupArn} has no Interactions dataset; create one before putting events.");
        if (interactions.Status != ResourceStatus.Active)
        {
            throw ApiErrors.InvalidInput($"trackingId {trackingId}: the Interactions dataset {interactions.Arn} is {interactions.Status}, not ACTIVE.");
        }

        var schema = await resources.GetAsync(DescribeBody.Read<DatasetRecord>(interactions.Body).SchemaArn, ResourceKinds.Schema, context);
        return new EventDestination(groupArn, AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schema.Body).Schema));
    }
}
