using System.Collections.Concurrent;

namespace Attune.Grains.Live;

/// <summary>
/// The principals this process has handed live events to since it started. In embedded mode every event passes
/// through this process, and models loaded here already contain everything committed before their load, so a user
/// not listed has no live events to read and serving can skip the UserGrain call. A cluster never relies on it
/// (other processes take events too). The first delivery to a principal also tells its UserGrain that it misses nothing
/// (everything older is in the served models), so a new user's grain never reads the put log.
/// </summary>
public sealed class LocalLiveUsers
{
    private readonly ConcurrentDictionary<(string Group, string Principal), byte> _principals = new();

    /// <summary>Notes a principal handed live events; true the first time since the process started.</summary>
    public bool Saw(string datasetGroupArn, string principal) => _principals.TryAdd((datasetGroupArn, principal), 0);

    public bool Has(string datasetGroupArn, string principal) => _principals.ContainsKey((datasetGroupArn, principal));
}
