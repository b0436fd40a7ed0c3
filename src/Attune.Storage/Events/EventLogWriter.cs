using Attune.Storage.Schemas;

namespace Attune.Storage.Events;

/// <summary>
/// Group commit of one dataset group's PutEvents: requests queue their batch, a single writer drains everything
/// queued so far into one transaction (one fsync), then completes every waiting request. A request therefore waits
/// at most for the commit in flight plus its own, and throughput grows with concurrency instead of fsyncs.
/// The backend's <see cref="IEventLogSession"/> does the writing. A session that finds its group deleted (by any silo) retires
/// the writer: every queued and later request fails with <see cref="DatasetGroupDeletedException"/>, and
/// <see cref="GroupEventLogs"/> opens a new writer if the group's events come again.
/// </summary>
public sealed class EventLogWriter : IEventLog, IAsyncDisposable
{
    /// <summary>Batches per transaction at most, so one commit stays short and memory bounded.</summary>
    public const int MaxBatchesPerCommit = 1024;

    private readonly Func<IEventLogSession> _openSession;
    private readonly IDisposable? _owner;
    private readonly object _sync = new(); // a monitor, not a Lock: the writer waits on it (Monitor.Wait)
    private readonly Thread _writer;
    private List<Pending> _queued = [];
    private bool _closed;
    private DatasetGroupDeletedException? _retiredBy;
    private IEventLogSession? _log;

    /// <param name="openSession">Opens a session on the group's storage (again after a failure).</param>
    /// <param name="owner">Disposed with the writer, after the last commit.</param>
    public EventLogWriter(Func<IEventLogSession> openSession, IDisposable? owner = null)
    {
        _openSession = openSession;
        _owner = owner;
        _writer = new Thread(Run) { IsBackground = true, Name = "event log writer" };
        _writer.Start();
    }

    public long Commits { get; private set; }

    /// <summary>Whether the writer stopped because its group was deleted.</summary>
    public bool IsRetired => Volatile.Read(ref _retiredBy) is not null;

    public Task<EventLogCommit> AppendAsync(AvroSchema schema, EventLogBatch batch)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(batch);
        var pending = new Pending(schema, batch, new TaskCompletionSource<EventLogCommit>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_sync)
        {
            if (_retiredBy is { } retired)
            {
                return Task.FromException<EventLogCommit>(retired);
            }

            if (_closed)
            {
                throw new ObjectDisposedException(nameof(EventLogWriter), "The event log of this dataset group is closed.");
            }
            _queued.Add(pending);
            if (_queued.Count == 1)
            {
                // Wakes the writer directly: a wake-up through the thread pool would wait behind the request backlog.
                Monitor.Pulse(_sync);
            }
        }

        return pending.Completion.Task;
    }

    /// <summary>Stops taking batches, commits what is queued and waits for the writer to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_sync)
        {
            _closed = true;
            Monitor.Pulse(_sync);
        }

        await Task.Run(_writer.Join).ConfigureAwait(false);
    }

    private void Run()
    {
        try
        {
            Drain();
        }
        finally
        {
            _log?.Dispose();
            _owner?.Dispose();
        }
    }

    private void Drain()
    {
        var group = new List<Pending>();
        while (true)
        {
            lock (_sync)
            {
                while (_queued.Count == 0 && !_closed)
                {
                    Monitor.Wait(_sync);
                }

                if (_queued.Count == 0)
                {
                    return; // closed and drained
                }

                (group, _queued) = (_queued, group);
            }

            foreach (var chunk in group.Chunk(MaxBatchesPerCommit))
            {
                Commit(chunk);
            }

            group.Clear();
        }
    }

    private void Commit(Pending[] group)
    {
        if (_retiredBy is { } retired)
        {
            Fail(group, retired);
            return;
        }

        var batches = group.Select(p => (p.Schema, p.Batch)).ToList();
        (EventLogCommit? Commit, Exception? Error)[] outcomes;
        try
        {
            outcomes = AppendOnce(batches);
        }
#pragma warning disable CA1031 // any failure of the transaction is retried once on a fresh session, then reported to every waiting request
        catch (Exception)
        {
            try
            {
                // Nothing of the failed transaction was committed; a fresh session recovers from a dropped table, a deleted file or a lost connection.
                outcomes = AppendOnce(batches);
            }
            catch (Exception error)
            {
                if (error is DatasetGroupDeletedException deleted)
                {
                    Retire(deleted);
                }

                Fail(group, error);
                return;
            }
        }
#pragma warning restore CA1031

        Commits++;
        for (var i = 0; i < group.Length; i++)
        {
            if (outcomes[i].Commit is { } commit)
            {
                group[i].Completion.SetResult(commit);
            }
            else
            {
                group[i].Completion.SetException(outcomes[i].Error!);
            }
        }
    }

    /// <summary>Fails what is queued and whatever comes later; the writer thread then ends.</summary>
    private void Retire(DatasetGroupDeletedException deleted)
    {
        lock (_sync)
        {
            Volatile.Write(ref _retiredBy, deleted);
            _closed = true;
            Fail(_queued, deleted);
            _queued.Clear();
        }
    }

    private static void Fail(IEnumerable<Pending> requests, Exception error)
    {
        foreach (var pending in requests)
        {
            pending.Completion.SetException(error);
        }
    }

    private (EventLogCommit? Commit, Exception? Error)[] AppendOnce(List<(AvroSchema, EventLogBatch)> batches)
    {
        try
        {
            _log ??= _openSession();
            return _log.Append(batches);
        }
        catch
        {
            _log?.Dispose();
            _log = null;
            throw;
        }
    }

    private sealed record Pending(AvroSchema Schema, EventLogBatch Batch, TaskCompletionSource<EventLogCommit> Completion);
}
