namespace Attune.Storage.Events;

/// <summary>An event of a batch holds a value the schema refuses; nothing of the batch was stored.</summary>
public sealed class EventRejectedException(int eventNumber, string reason)
    : Exception($"Event {eventNumber}: {reason}")
{
    /// <summary>1-based position of the event in its batch.</summary>
    public int EventNumber { get; } = eventNumber;

    public string Reason { get; } = reason;
}
