using Attune.Storage.Schemas;

namespace Attune.Storage.Events;

/// <summary>
/// A backend's connection that commits groups of PutEvents batches for <see cref="EventLogWriter"/>. It may cache
/// statements and ids between commits, so the writer discards it after any failure.
/// </summary>
public interface IEventLogSession : IDisposable
{
    /// <summary>
    /// Writes the batches in one transaction and commits them together. Per batch: its commit, or the
    /// <see cref="EventRejectedException"/> that left it out alone. A failure of the transaction itself throws.
    /// </summary>
    (EventLogCommit? Commit, Exception? Error)[] Append(IReadOnlyList<(AvroSchema Schema, EventLogBatch Batch)> batches);
}
