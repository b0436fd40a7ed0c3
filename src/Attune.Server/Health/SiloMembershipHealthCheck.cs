using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attune.Server.Health;

/// <summary>
/// A silo: its own membership view says it is Active (it joined and was not declared dead), so it takes grain calls.
/// Read from the local snapshot: no network.
/// </summary>
internal sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var active = snapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"{active} active silo(s)")
            : HealthCheckResult.Unhealthy($"This silo is {status} in the cluster's membership, not Active."));
    }
}
