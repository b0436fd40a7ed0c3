using System.Collections.Concurrent;

namespace Attune.Grains.Imports;

/// <summary>
/// One import at a time per dataset group in this process, so an import may clean up what a crashed one
/// left in the group's database without touching a running one.
/// </summary>
public sealed class DatasetGroupLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string datasetGroupArn, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(datasetGroupArn, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
