using System.Collections.Concurrent;

namespace Attune.Grains.Serving;

/// <summary>
/// The process's loaded models, one per solution version however many campaigns serve it; concurrent first
/// requests for a version share one load.
/// </summary>
public sealed class ServedModels
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ServedModel>>> _byVersion = new(StringComparer.Ordinal);

    public Task<ServedModel> GetAsync(string solutionVersionArn, Func<Task<ServedModel>> load)
    {
        return _byVersion.GetOrAdd(solutionVersionArn, _ => new Lazy<Task<ServedModel>>(load)).Value;
    }

    /// <summary>Forgets a version whose load failed, so the next deploy tries again.</summary>
    public void Forget(string solutionVersionArn) => _byVersion.TryRemove(solutionVersionArn, out _);

    /// <summary>Drops every loaded version not in <paramref name="inUse"/>.</summary>
    public void Release(IReadOnlySet<string> inUse)
    {
        ArgumentNullException.ThrowIfNull(inUse);
        foreach (var version in _byVersion.Keys)
        {
            if (!inUse.Contains(version))
            {
                _byVersion.TryRemove(version, out _);
            }
        }
    }

    public int Count => _byVersion.Count;

    /// <summary>Completes when the loads running now have finished, whether they succeeded or not.</summary>
    public Task LoadsInFlight() => Task.WhenAll(_byVersion.Values
        .Where(l => l.IsValueCreated && !l.Value.IsCompleted)
        .Select(l => l.Value.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)));

    /// <summary>The models loaded so far (loads still running or failed are left out).</summary>
    public IEnumerable<ServedModel> Loaded() =>
        _byVersion.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Select(l => l.Value.Result);
}
