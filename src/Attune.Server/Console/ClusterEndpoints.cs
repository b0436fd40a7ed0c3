using Attune.Grains.Serving;
using Attune.Grains.Serving.Shards;
using Attune.Server.Health;
using Attune.Server.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attune.Server.WebConsole;

/// <summary>
/// GET /console/api/cluster (the silos from Orleans' membership with their load, and this process's served models) and
/// GET /console/api/health (the readiness checks of /health/ready, as a list).
/// </summary>
internal static class ClusterEndpoints
{
    public static void MapClusterEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/cluster", async (HttpContext http, ConsoleCaller caller, ClusterModeOptions mode, IGrainFactory grains, IServiceProvider services) =>
        {
            if (caller.AccountOf(http.Request) is null)
            {
                return ConsoleResults.NotSignedIn();
            }
            var management = grains.GetGrain<IManagementGrain>(0);
            var hosts = await management.GetDetailedHosts(onlyActive: false);
            var statistics = await management.GetRuntimeStatistics([.. hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress)]);
            var load = hosts.Where(h => h.Status == SiloStatus.Active).Zip(statistics).ToDictionary(p => p.First.SiloAddress, p => p.Second);
            var local = services.GetService<ILocalSiloDetails>()?.SiloAddress;
            var served = LocalModels(services);
            return Results.Json(new
            {
                mode = mode.IsCluster ? "cluster" : "embedded",
                silos = hosts.OrderBy(h => h.SiloName, StringComparer.Ordinal).Select(host => new
                {
                    name = host.SiloName,
                    address = host.SiloAddress.ToParsableString(),
                    status = host.Status.ToString(),
                    role = host.SiloAddress.Equals(local) ? "silo (this process)" : "silo",
                    cpuPercent = load.TryGetValue(host.SiloAddress, out var stats) ? stats.EnvironmentStatistics.FilteredCpuUsagePercentage : (float?)null,
                    memoryBytes = stats?.EnvironmentStatistics.FilteredMemoryUsageBytes,
                    activations = stats?.ActivationCount,
                    // Only this process's own models are known here; other silos' are on their /metrics (attune_model_bytes).
                    servedModels = host.SiloAddress.Equals(local) ? served?.Models : null,
                    modelBytes = host.SiloAddress.Equals(local) ? served?.Bytes : null,
                }),
            });
        });

        api.MapGet("/health", async (HttpContext http, ConsoleCaller caller, HealthCheckService health) =>
        {
            if (caller.AccountOf(http.Request) is null)
            {
                return ConsoleResults.NotSignedIn();
            }
            var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthEndpoints.Ready), http.RequestAborted);
            return Results.Json(new
            {
                status = HealthReportWriter.Name(report.Status),
                checks = report.Entries.Select(entry => new
                {
                    name = entry.Key,
                    status = HealthReportWriter.Name(entry.Value.Status),
                    description = entry.Value.Description ?? entry.Value.Exception?.Message,
                }),
            });
        });
    }

    /// <summary>The campaigns' models and shard slices this process holds (a gateway holds none).</summary>
    private static (int Models, long Bytes)? LocalModels(IServiceProvider services)
    {
        if (services.GetService<ILocalSiloDetails>() is null || services.GetService<CampaignDeployments>() is not { } deployments)
        {
            return null;
        }
        var models = deployments.LoadedModels().Select(m => m.Model).ToList();
        var slices = services.GetService<HeldSlices>()?.Slices ?? [];
        return (models.Count, models.Sum(m => m.PayloadBytes) + slices.Sum(s => s.PayloadBytes));
    }
}
