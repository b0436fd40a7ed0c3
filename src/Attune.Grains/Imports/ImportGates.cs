using System.Collections.Concurrent;

namespace Attune.Grains.Imports;

/// <summary>
/// When an import may run in this process: one at a time per dataset group, so an import may clean up what a crashed
/// one left in the group's database without touching a running one; and at most <see cref="Capacity"/> at once,
/// because each holds a core and, in cluster mode, one of the process's bounded pool of database connections for its
/// whole run while its progress updates need another: imports beyond that wait here rather than exhaust the pool.
/// </summary>
public sealed class ImportGates(int capacity) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _groups = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _process = new(capacity, capacity);

    public ImportGates()
        : this(Math.Clamp(Environment.ProcessorCount, 2, 8))
    {
    }

    public int Capacity => capacity;

    /// <summary>Waits for the group's turn, then for a free slot; dispose the result to release both.</summary>
    public async Task<IDisposable> AcquireAsync(string datasetGroupArn, CancellationToken cancellationToken)
    {
        var group = _groups.GetOrAdd(datasetGroupArn, _ => new SemaphoreSlim(1, 1));
        await group.WaitAsync(cancellationToken);
        try
        {
            await _process.WaitAsync(cancellationToken);
        }
        catch
        {
            group.Release();
            throw;
        }
        return new Releaser(group, _process);
    }

    public void Dispose()
    {
        _process.Dispose();
        foreach (var group in _groups.Values)
        {
            group.Dispose();
        }
    }

    private sealed class Releaser(SemaphoreSlim group, SemaphoreSlim process) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                process.Release();
                group.Release();
            }
        }
    }
}
