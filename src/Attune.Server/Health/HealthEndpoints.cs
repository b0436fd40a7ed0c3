using Attune.Server.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attune.Server.Health;

/// <summary>
/// /health/live (the process answers; no check runs), /health/ready (the stores and Orleans membership of this
/// process's mode answer) and /health, kept for its existing users as the same as ready. Unhealthy answers 503 with
/// a JSON body naming each failing check.
/// </summary>
internal static class HealthEndpoints
{
    internal const string Ready = "ready";

    /// <summary>Each check must answer within this, or it counts as unhealthy (a hung database, say).</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static void AddAttuneHealthChecks(this IServiceCollection services, ClusterModeOptions mode)
    {
        var checks = services.AddHealthChecks();
        if (mode.IsCluster)
        {
            checks.AddCheck<PostgresHealthCheck>("postgres", tags: [Ready], timeout: CheckTimeout);
        }
        else
        {
            checks.AddCheck<ResourceRegistryFileHealthCheck>("catalog", tags: [Ready], timeout: CheckTimeout);
            checks.AddCheck<DatasetStorageHealthCheck>("datasets", tags: [Ready], timeout: CheckTimeout);
        }
        if (mode.Role == ServerRole.Silo)
        {
            checks.AddCheck<SiloMembershipHealthCheck>("orleans", tags: [Ready], timeout: CheckTimeout);
        }
        else
        {
            checks.AddCheck<ClientMembershipHealthCheck>("orleans", tags: [Ready], timeout: CheckTimeout);
        }
    }

    public static void MapAttuneHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", Options(_ => false));
        app.MapHealthChecks("/health/ready", Options(check => check.Tags.Contains(Ready)));
        app.MapHealthChecks("/health", Options(check => check.Tags.Contains(Ready)));
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthReportWriter.WriteAsync,
        AllowCachingResponses = false,
    };
}
