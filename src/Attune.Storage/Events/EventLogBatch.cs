namespace Attune.Storage.Events;

/// <summary>
/// One PutEvents request as the store takes it: the events of one session, of a known user or anonymous
/// (<paramref name="UserId"/> null: the events are the session's until an event of the session names its user).
/// </summary>
public sealed record EventLogBatch(string SessionId, string? UserId, IReadOnlyList<EventLogRecord> Events);

/// <summary>
/// One event. <paramref name="Columns"/> holds the other schema columns by field name (IMPRESSION, RECOMMENDATION_ID,
/// EVENT_ATTRIBUTION_SOURCE, contextual metadata) as text in CSV conventions. An event without
/// <paramref name="ItemId"/> records impressions only: it is kept, but it is no training interaction.
/// </summary>
public sealed record EventLogRecord(
    string? EventId,
    string? ItemId,
    string EventType,
    float? EventValue,
    long Timestamp,
    IReadOnlyDictionary<string, string?> Columns);

/// <summary>
/// A committed put-origin interaction: <paramref name="Sequence"/> is its position in the group's event log (monotonic),
/// <paramref name="Principal"/> the user it belongs to (or the session while it is anonymous). EventValue is NaN when absent.
/// </summary>
public readonly record struct StoredEvent(long Sequence, string Principal, string ItemId, string EventType, float EventValue, long Timestamp);

/// <summary>
/// What committing one batch did: its new interactions in order, followed by the session's earlier anonymous
/// interactions re-attributed to the batch's user (sequence unchanged), if this batch merged the session; and the
/// items its new events list as impressions. Events whose eventId was committed before are acknowledged but absent here.
/// </summary>
public sealed record EventLogCommit(IReadOnlyList<StoredEvent> Events, IReadOnlyList<string> Impressions, int Duplicates);
