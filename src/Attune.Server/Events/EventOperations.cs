using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Live;
using Attune.Grains.Live;
using Attune.Server.Attribution;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Events;

namespace Attune.Server.Events;

/// <summary>
/// PutEvents (personalize-events): maps each event onto the dataset group's Interactions schema, commits the
/// request through the group's <see cref="IEventLog"/> (durable before the 200), then hands the committed
/// events, with any anonymous ones a login re-attributed, to every <see cref="ILiveEvents"/>.
/// PutActions is in <see cref="EntityOperations"/>, PutActionInteractions in <see cref="ActionInteractionOperations"/>.
/// </summary>
internal sealed partial class EventOperations(
    EventTrackers trackers, IEventLogs logs, IEnumerable<ILiveEvents> live, OnlineMetricsBuffer online, ILogger<EventOperations> log)
    : IOperationFamily
{
    private readonly ILiveEvents[] _live = [.. live];

    public void Register(OperationHandlers registry)
    {
        registry.Add("PutEvents", PutEventsAsync);
    }

    private async Task<JsonObject?> PutEventsAsync(JsonElement input, CallContext context)
    {
        var destination = await trackers.ResolveAsync(input.RequiredString("trackingId"), context);
        var events = new List<EventLogRecord>();
        var position = 0;
        foreach (var entry in input.OptionalArray("eventList"))
        {
            events.Add(EventMapping.Read(entry, ++position, destination.Schema));
        }

        var batch = new EventLogBatch(input.RequiredString("sessionId"), input.OptionalString("userId"), events);
        EventLogCommit commit;
        try
        {
            commit = await logs.For(destination.DatasetGroupArn).AppendAsync(destination.Schema, batch);
        }
        catch (EventRejectedException error)
        {
            throw ApiErrors.InvalidInput($"eventList.{error.EventNumber}: {error.Reason}");
        }
        catch (DatasetGroupDeletedException error)
        {
            // Another silo deleted the group after this one resolved the tracker.
            throw ApiErrors.NotFound(error.DatasetGroupArn);
        }

        RecordOnline(destination.DatasetGroupArn, input, events, commit.Duplicates > 0);
        if (commit.Events.Count + commit.Impressions.Count > 0)
        {
            var published = commit.Events
                .Select(e => new PrincipalEvent(e.Principal, new LiveEvent(e.Sequence, e.ItemId, e.EventType, e.EventValue, e.Timestamp)))
                .ToList();
            foreach (var sink in _live)
            {
                try
                {
                    // Not the request's token: the events are committed, so a client that went away must not skip the live path.
                    await sink.PublishAsync(destination.DatasetGroupArn, published, commit.Impressions, CancellationToken.None);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The events are committed, so the request succeeded; a user grain that missed them catches up
                    // from the store when it next activates.
                    LogPublishFailed(log, destination.DatasetGroupArn, error);
                }
            }
        }

        return [];
    }

    /// <summary>
    /// Hands the committed events that name a recommendation to the online metrics, with their item as stored (the
    /// itemId member or property). When the store found repeats (an SDK retry), the events with an eventId may be
    /// them and are left out, so a retry never counts twice.
    /// </summary>
    private void RecordOnline(string groupArn, JsonElement input, List<EventLogRecord> events, bool hadRepeats)
    {
        var position = 0;
        foreach (var entry in input.OptionalArray("eventList"))
        {
            var stored = events[position++];
            if (entry.OptionalString("recommendationId") is { Length: > 0 } recommendationId && !(hadRepeats && stored.EventId is not null))
            {
                online.Event(groupArn, recommendationId, stored.ItemId, stored.EventType);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committed events of {Group} did not reach the live path")]
    private static partial void LogPublishFailed(ILogger logger, string group, Exception error);
}
