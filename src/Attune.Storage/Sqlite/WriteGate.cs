using System.Collections.Concurrent;

namespace Attune.Storage.Sqlite;

/// <summary>
/// A first-come, first-served lock per database file, taken around every write transaction in this process.
/// SQLite's own busy handler polls with growing sleeps, so a writer waiting on a long import would lose every race
/// against the importer's next chunk; handing the lock over in arrival order bounds its wait to one chunk.
/// </summary>
internal sealed class WriteGate
{
    private static readonly ConcurrentDictionary<string, WriteGate> Gates = new(StringComparer.Ordinal);

    private readonly Lock _sync = new();
    private readonly Queue<ManualResetEventSlim> _waiting = new();
    private bool _held;

    /// <summary>Threads queued behind the holder.</summary>
    public int Waiting
    {
        get
        {
            lock (_sync)
            {
                return _waiting.Count;
            }
        }
    }

    public static WriteGate For(string databasePath) => Gates.GetOrAdd(databasePath, _ => new WriteGate());

    public void Enter()
    {
        ManualResetEventSlim turn;
        lock (_sync)
        {
            if (!_held)
            {
                _held = true;
                return;
            }

            turn = new ManualResetEventSlim();
            _waiting.Enqueue(turn);
        }

        // Exit hands ownership straight to us: _held stays true.
        turn.Wait();
        turn.Dispose();
    }

    public void Exit()
    {
        lock (_sync)
        {
            if (_waiting.Count > 0)
            {
                _waiting.Dequeue().Set();
            }
            else
            {
                _held = false;
            }
        }
    }
}
