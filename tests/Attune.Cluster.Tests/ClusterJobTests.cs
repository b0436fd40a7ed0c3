using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>
/// The export and deletion scenarios through a gateway in front of two silos: PostgreSQL stores, UserGrains forgotten,
/// and every silo's served models without the deleted users' histories by the time the job is COMPLETED.
/// </summary>
public sealed class ClusterJobTests(TestPostgres postgres)
{
    [Fact]
    public async Task Exports_and_deletions_behave_through_a_gateway_as_in_embedded_mode()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token));
        var silos = await cluster.StartSilosAsync(2, token);
        var gateway = await cluster.StartAsync("gateway", token);
        foreach (var script in new[] { "exports.py", "deletions.py" })
        {
            var result = await ExternalCommand.PythonAsync(script, gateway.Endpoint, token, silos[0].ObjectRoot);
            Assert.True(result.ExitCode == 0, $"{script} failed:\n{result}\n--- cluster output\n{cluster.Output()}");
        }
    }
}
