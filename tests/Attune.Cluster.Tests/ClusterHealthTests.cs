using System.Net;
using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>/health/ready of a silo and a gateway: PostgreSQL through the stores' pool and Orleans membership.</summary>
public sealed class ClusterHealthTests
{
    [Fact]
    public async Task A_silo_and_a_gateway_are_ready_while_postgresql_answers_and_unready_but_live_once_it_stops()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var cluster = new ProcessCluster(postgres.ConnectionString);
        var silo = await cluster.StartAsync("silo", ct);
        var gateway = await cluster.StartAsync("gateway", ct);

        foreach (var node in (ServerProcess[])[silo, gateway])
        {
            var ready = await HealthAnswer.GetAsync(node.Endpoint, "/health/ready", ct);
            Assert.True(ready.Code == HttpStatusCode.OK, $"{ready}\n{cluster.Output()}");
            Assert.Equal(new Dictionary<string, string> { ["postgres"] = "healthy", ["orleans"] = "healthy" }, ready.Checks);
        }

        await postgres.StopAsync();

        foreach (var node in (ServerProcess[])[silo, gateway])
        {
            var ready = await HealthAnswer.GetAsync(node.Endpoint, "/health/ready", ct);
            Assert.True(ready.Code == HttpStatusCode.ServiceUnavailable && ready.Checks["postgres"] == "unhealthy", $"{ready}\n{cluster.Output()}");
            Assert.Contains("PostgreSQL does not answer", ready.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(node.Endpoint, "/health/live", ct)).Code);
        }
    }
}
