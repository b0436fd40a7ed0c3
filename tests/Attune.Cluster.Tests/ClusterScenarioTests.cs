using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>Three silo processes and a gateway process on one database: every API answers through each of them.</summary>
public sealed class ClusterScenarioTests(TestPostgres postgres)
{
    [Fact]
    public async Task Control_plane_runtime_and_events_answer_through_every_silo_and_a_gateway()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token));
        var silos = await cluster.StartSilosAsync(3, token);
        var gateway = await cluster.StartAsync("gateway", token);
        ServerProcess[] nodes = [.. silos, gateway];
        await InteractionsCsv.WriteAsync(Path.Combine(silos[0].ObjectRoot, "everywhere", "interactions.csv"), 3_000, token);
        var clients = nodes.Select(n => new ControlPlaneClient(n.Endpoint)).ToArray();
        var rest = nodes.Select(n => new RestClient(n.Endpoint)).ToArray();
        try
        {
            var resources = new Resources(clients, token);
            var (group, items) = await resources.DatasetGroupWithDataAsync("everywhere");
            var campaign = await resources.CampaignAsync("everywhere", group, "arn:aws:personalize:::recipe/aws-user-personalization");

            foreach (var client in clients)
            {
                var described = await client.CallAsync("DescribeCampaign", new { campaignArn = campaign }, token);
                Assert.Equal("ACTIVE", described.GetProperty("campaign").GetProperty("status").GetString());
                var groups = await client.CallAsync("ListDatasetGroups", new { }, token);
                Assert.Contains(group, groups.GetProperty("datasetGroups").EnumerateArray().Select(g => g.GetProperty("datasetGroupArn").GetString()));
            }
            for (var i = 0; i < rest.Length; i++)
            {
                var recommended = await rest[i].PostAsync("/recommendations", new { campaignArn = campaign, userId = $"u{i}", numResults = 5 }, token);
                Assert.Equal(5, recommended.GetProperty("itemList").GetArrayLength());
                await rest[i].PostAsync("/items", new
                {
                    datasetArn = items,
                    items = new[] { new { itemId = $"new-{i}", properties = """{"genres":"cluster"}""" } },
                }, token);
            }

            // Items put through any node are recommendable through every node: at once where they were put, within
            // about a second elsewhere (each silo checks the group's catalogue version).
            var clusterItems = await clients[0].CreateActiveAsync("CreateFilter", new
            {
                name = "cluster-items", datasetGroupArn = group, filterExpression = "INCLUDE ItemID WHERE Items.GENRES IN (\"cluster\")",
            }, "filterArn", TimeSpan.FromSeconds(60), token);
            string[] expected = [.. Enumerable.Range(0, rest.Length).Select(i => $"new-{i}").Order()];
            foreach (var node in rest)
            {
                var deadline = DateTime.UtcNow.AddSeconds(15);
                while (true)
                {
                    var seen = (await node.PostAsync("/recommendations", new { campaignArn = campaign, userId = "u1", numResults = 10, filterArn = clusterItems }, token))
                        .GetProperty("itemList").EnumerateArray().Select(item => item.GetProperty("itemId").GetString()!).Order().ToArray();
                    if (seen.SequenceEqual(expected))
                    {
                        break;
                    }
                    Assert.True(DateTime.UtcNow < deadline, $"{node.Endpoint} recommends {string.Join(",", seen)}, not every put item");
                    await Task.Delay(200, token);
                }
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{error.Message}\n{cluster.Output()}", error);
        }
        finally
        {
            Array.ForEach(clients, c => c.Dispose());
            Array.ForEach(rest, r => r.Dispose());
        }
    }
}
