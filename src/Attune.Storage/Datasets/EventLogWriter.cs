using Attune.Storage.Schemas;

namespace Attune.Storage.Datasets;

/// <summary>
/// Group commit of one dataset group's PutEvents: requests queue their batch, a single writer drains everything
/// queued so far into one transaction (one fsync), then completes every waiting request. A request therefore waits
/// at most for the commit in flight plus its own, and throughput grows with concurrency instead of fsyncs.
/// </summary>
public sealed class EventLogWriter : IAsyncDisposable
{
    /// <summary>Batches per transaction at most, so one commit stays short and memory bounded.</summary>
    public const int MaxBatchesPerCommit = 1024;

    private readonly DatasetStore _store;
    private readonly object _sync = new(); // a monitor, not a Lock: the writer waits on it (Monitor.Wait)
    private readonly Thread _writer;
    private List<Pending> _queued = [];
    private bool _closed;
    private PutLogConnection? _log;

    public EventLogWriter(DatasetStore store)
    {
        _store = store;
        _writer = new Thread(Run) { IsBackground = true, Name = "event log writer" };
        _writer.Start();
    }

    /// <summary>Commits transactions so far, for tests and metrics.</summary>
    public long Commits { get; private set; }

    /// <summary>
    /// Queues the batch and completes once it is durably committed (or throws <see cref="EventRejectedException"/>
    /// when the schema refuses a value; then nothing of the batch was stored).
    /// </summary>
    public Task<PutEventsCommit> AppendAsync(AvroSchema schema, PutEventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(batch);
        var pending = new Pending(schema, batch, new TaskCompletionSource<PutEventsCommit>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
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
        _log?.Dispose();
        _store.Dispose();
    }

    private void Run()
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
        var batches = group.Select(p => (p.Schema, p.Batch)).ToList();
        (PutEventsCommit? Commit, Exception? Error)[] outcomes;
        try
        {
            outcomes = AppendOnce(batches);
        }
#pragma warning disable CA1031 // any failure of the transaction is retried once on a fresh connection, then reported to every waiting request
        catch (Exception)
        {
            try
            {
                // Nothing of the failed transaction was committed; a fresh connection recovers from a dropped table or a deleted file.
                outcomes = AppendOnce(batches);
            }
            catch (Exception error)
            {
                foreach (var pending in group)
                {
                    pending.Completion.SetException(error);
                }

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

    private (PutEventsCommit? Commit, Exception? Error)[] AppendOnce(List<(AvroSchema, PutEventBatch)> batches)
    {
        try
        {
            _log ??= _store.OpenPutLog();
            return _log.Append(batches);
        }
        catch
        {
            _log?.Dispose();
            _log = null;
            throw;
        }
    }

    private sealed record Pending(AvroSchema Schema, PutEventBatch Batch, TaskCompletionSource<PutEventsCommit> Completion);
}
