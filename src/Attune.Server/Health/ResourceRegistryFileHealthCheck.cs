using Attune.Storage;
using Attune.Storage.Resources;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attune.Server.Health;

/// <summary>
/// Embedded mode: catalog.db is still where a restart would read it, and a query on it answers. The file is checked
/// first because SQLite keeps serving a removed file through open connections, and opening a missing one would create
/// an empty registry: either way the process would write what a restart loses.
/// </summary>
internal sealed class ResourceRegistryFileHealthCheck(StorageLocations locations, IResourceRegistry registry) : IHealthCheck
{
    /// <summary>No resource has this ARN; looking it up costs one index probe.</summary>
    private const string ProbeArn = "arn:attune:health:probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(locations.DataDirectory, "catalog.db");
        if (!File.Exists(path))
        {
            return HealthCheckResult.Unhealthy($"The catalog file {path} is missing.");
        }
        try
        {
            await registry.GetAsync(ProbeArn, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The catalog {path} does not answer: {error.Message}");
        }
    }
}
