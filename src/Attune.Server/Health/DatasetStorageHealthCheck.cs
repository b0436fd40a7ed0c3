using Attune.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attune.Server.Health;

/// <summary>
/// Embedded mode: the folder the dataset groups' SQLite files live in (datasets/ under the data directory, or the data
/// directory itself before the first group) takes a new file, as an import or a new group needs. Catches a removed or
/// replaced folder, a read-only or full file system, lost permissions.
/// </summary>
internal sealed class DatasetStorageHealthCheck(StorageLocations locations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var datasets = Path.Combine(locations.DataDirectory, "datasets");
        var folder = Directory.Exists(datasets) || File.Exists(datasets) ? datasets : locations.DataDirectory;
        var probe = Path.Combine(folder, $".health-{Environment.ProcessId}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The dataset storage {folder} cannot take a new file: {error.Message}");
        }
    }
}
