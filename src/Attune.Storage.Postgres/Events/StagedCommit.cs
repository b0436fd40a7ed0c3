using Attune.Storage.Events;

namespace Attune.Storage.Postgres.Events;

/// <summary>One accepted batch of a commit in progress: its new events (Sequences known once copied) and what else its commit reports.</summary>
internal sealed class StagedCommit(List<StagedEvent> events, List<string> impressions, int duplicates)
{
    /// <summary>The session's earlier anonymous events this batch's user claimed, filled in when they are re-attributed.</summary>
    public List<StoredEvent> Merged { get; } = [];

    public EventLogCommit ToCommit() => new([.. events.Select(e => e.ToStored()), .. Merged], impressions, duplicates);
}

internal sealed record StagedEvent(SchemaRows Rows, int Row, string Principal, EventLogRecord Record)
{
    public StoredEvent ToStored() =>
        new(Rows.FirstSequence + Row, Principal, Record.ItemId!, Record.EventType, Record.EventValue ?? float.NaN, Record.Timestamp);
}
