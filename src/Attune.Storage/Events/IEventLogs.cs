using Attune.Storage.Schemas;

namespace Attune.Storage.Events;

/// <summary>
/// The PutEvents logs of all dataset groups, whatever the backend: one group-committing <see cref="IEventLog"/> per group,
/// opened on its first event, closed when the group is deleted and flushed when disposed.
/// </summary>
public interface IEventLogs : IAsyncDisposable
{
    /// <summary>The log of <paramref name="datasetGroupArn"/> (opened on first use).</summary>
    IEventLog For(string datasetGroupArn);

    /// <summary>Commits what is queued for the group and closes its log; the next event opens a new one.</summary>
    Task CloseAsync(string datasetGroupArn);
}

/// <summary>One dataset group's event log: concurrent appends are committed together, each acknowledged only after its commit.</summary>
public interface IEventLog
{
    /// <summary>Transactions committed so far, for tests and metrics.</summary>
    long Commits { get; }

    /// <summary>
    /// Queues the batch and completes once it is durably committed (or throws <see cref="EventRejectedException"/>
    /// when the schema refuses a value; then nothing of the batch was stored).
    /// </summary>
    Task<EventLogCommit> AppendAsync(AvroSchema schema, EventLogBatch batch);
}
