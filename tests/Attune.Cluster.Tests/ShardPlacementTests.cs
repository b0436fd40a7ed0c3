using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>A model split into twelve shards (on random silos: all on one of three has odds 3^-11) is served by shard grains on several silos, and every silo gives the same answer.</summary>
public sealed class ShardPlacementTests(TestPostgres postgres)
{
    [Fact]
    public async Task A_models_shards_spread_over_the_silos_and_their_merge_answers_alike_everywhere()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token),
            ["--Attune:Serving:Shards", "12", "--Attune:Serving:MinShardItems", "64"]);
        var silos = await cluster.StartSilosAsync(3, token);
        await InteractionsCsv.WriteAsync(Path.Combine(silos[0].ObjectRoot, "spread", "interactions.csv"), 3_000, token);
        var clients = silos.Select(s => new ControlPlaneClient(s.Endpoint)).ToArray();
        var rest = silos.Select(s => new RestClient(s.Endpoint)).ToArray();
        try
        {
            var resources = new Resources(clients, token);
            var (group, _) = await resources.DatasetGroupWithDataAsync("spread");
            var campaign = await resources.CampaignAsync("spread", group);

            var answers = new List<string[]>();
            foreach (var node in rest)
            {
                var items = (await node.PostAsync("/recommendations", new { campaignArn = campaign, userId = "u1", numResults = 50 }, token))
                    .GetProperty("itemList").EnumerateArray().Select(item => item.GetProperty("itemId").GetString()!).ToArray();
                answers.Add(items);
            }
            var shardsPerSilo = await Task.WhenAll(silos.Select(s => SiloMetrics.ActivationsCreatedAsync(s.Endpoint, "modelshard", token)));

            Assert.Equal(50, answers[0].Length);
            Assert.All(answers, answer => Assert.Equal(answers[0], answer));
            Assert.Equal(12, shardsPerSilo.Sum());
            Assert.True(shardsPerSilo.Count(count => count > 0) >= 2, $"shards per silo: {string.Join(", ", shardsPerSilo)}\n{cluster.Output()}");
        }
        catch (Exception error) when (error is not OperationCanceledException and not Xunit.Sdk.XunitException)
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
