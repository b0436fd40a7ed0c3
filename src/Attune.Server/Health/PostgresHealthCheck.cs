using Attune.Storage.Postgres;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attune.Server.Health;

/// <summary>
/// Cluster mode: a <c>SELECT 1</c> through the stores' own bounded pool, the one every request's registry and dataset
/// reads take, so a full pool or a database that refuses connections shows here as it does to requests.
/// </summary>
internal sealed class PostgresHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Resolved here, not injected: opening the database throws while PostgreSQL is down.
            var database = services.GetRequiredService<AttuneDatabase>();
            await using var command = database.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {error.Message}");
        }
    }
}
