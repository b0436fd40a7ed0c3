using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attune.Server.Health;

/// <summary>
/// A gateway (Orleans client): a round trip through its gateway connection to the management grain, which must know at
/// least one active silo. Fails while the client has no connection, as the gateway's requests would.
/// </summary>
internal sealed class ClientMembershipHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(true, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("The cluster's membership lists no active silo.");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The Orleans client reaches no silo: {error.Message}");
        }
    }
}
