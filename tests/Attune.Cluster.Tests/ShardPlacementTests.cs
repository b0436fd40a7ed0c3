using System.Text.Json;
using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>
/// A model split into shards (on random silos: twelve all on one of three has odds 3^-11) is served by shard grains on
/// several silos, each holding only its slice of the model (no silo holds it whole), and every silo gives the same answer.
/// </summary>
public sealed class ShardPlacementTests(TestPostgres postgres)
{
    [Fact]
    public Task A_models_slices_spread_over_the_silos_no_silo_holds_it_whole_and_their_merge_answers_alike_everywhere() =>
        OnThreeSilosAsync("spread", shards: 12, async (silos, resources, rest, csv, token) =>
        {
            int itemCount = (await File.ReadAllLinesAsync(csv, token)).Skip(1).Select(line => line.Split(',')[1]).Distinct().Count();
            Task<long[]> Gauges(string name, string part) => Task.WhenAll(silos.Select(s => SiloMetrics.ModelGaugeAsync(s.Endpoint, name, part, token)));
            var (group, _) = await resources.DatasetGroupWithDataAsync("spread");
            var campaign = await resources.CampaignAsync("spread", group, "arn:aws:personalize:::recipe/aws-sims");

            var answers = new List<string[]>();
            foreach (var node in rest)
            {
                answers.Add([.. Ids(await node.PostAsync("/recommendations", new { campaignArn = campaign, itemId = "i7", numResults = 50 }, token))]);
            }
            var shardsPerSilo = await Task.WhenAll(silos.Select(s => SiloMetrics.ActivationsCreatedAsync(s.Endpoint, "modelshard", token)));
            var sliceItems = await Gauges("attune_model_items", "slice");
            var wholeItems = await Gauges("attune_model_items", "whole");
            var sliceBytes = await Gauges("attune_model_bytes", "slice");
            var headBytes = await Gauges("attune_model_bytes", "head");

            Assert.Equal(50, answers[0].Length);
            Assert.All(answers, answer => Assert.Equal(answers[0], answer));
            Assert.Equal(12, shardsPerSilo.Sum());
            Assert.True(shardsPerSilo.Count(count => count > 0) >= 2, $"shards per silo: {string.Join(", ", shardsPerSilo)}");
            // The slices partition the items: together they hold the model once, and each silo only its shards' share.
            Assert.Equal(itemCount, sliceItems.Sum());
            Assert.All(sliceItems, held => Assert.True(held < itemCount, $"a silo holds {held} of {itemCount} items"));
            Assert.All(wholeItems, held => Assert.Equal(0, held));
            Assert.All(sliceBytes.Zip(shardsPerSilo), silo => Assert.Equal(silo.Second > 0, silo.First > 0));
            Assert.All(headBytes, bytes => Assert.Equal(0, bytes));
        });

    [Fact]
    public Task A_factor_model_in_slices_folds_users_in_from_vectors_on_other_silos_and_answers_alike_everywhere() =>
        OnThreeSilosAsync("factors", shards: 6, async (_, resources, rest, _, token) =>
        {
            var (group, _) = await resources.DatasetGroupWithDataAsync("factors");
            var factors = new Dictionary<string, string> { ["model"] = "ials", ["hidden_dimension"] = "16", ["iterations"] = "3" };
            var personal = await resources.CampaignAsync("factors", group, "arn:aws:personalize:::recipe/aws-user-personalization", factors);
            var ranking = await resources.CampaignAsync("ranking", group, "arn:aws:personalize:::recipe/aws-personalized-ranking", factors);
            string[] list = ["i7", "i14", "i21", "i28", "i35", "i42"];

            var answers = new List<string[]>();
            foreach (var node in rest)
            {
                var recommended = await node.PostAsync("/recommendations", new { campaignArn = personal, userId = "u1", numResults = 25 }, token);
                var ranked = await node.PostAsync("/personalize-ranking", new { campaignArn = ranking, userId = "u1", inputList = list }, token);
                answers.Add([.. Ids(recommended), "|", .. Ids(ranked)]);
            }
            var cold = Ids(await rest[0].PostAsync("/recommendations", new { campaignArn = personal, userId = "stranger", numResults = 25 }, token));

            Assert.Equal(25 + 1 + list.Length, answers[0].Length);
            Assert.All(answers, answer => Assert.Equal(answers[0], answer));
            // u1's history, folded in from vectors the silos hold, ranks otherwise than the popularity a stranger gets.
            Assert.NotEqual(cold, answers[0].Take(25));
        });

    /// <summary>
    /// Three silos on a fresh database that serve models in <paramref name="shards"/> shards (of at least 64 items), an
    /// interactions CSV of 3,000 rows under the object root's <paramref name="name"/> folder, and clients for each silo;
    /// an unexpected failure carries the processes' output.
    /// </summary>
    private async Task OnThreeSilosAsync(string name, int shards,
        Func<IReadOnlyList<ServerProcess>, Resources, RestClient[], string, CancellationToken, Task> body)
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token),
            ["--Attune:Serving:Shards", shards.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Attune:Serving:MinShardItems", "64"]);
        var silos = await cluster.StartSilosAsync(3, token);
        var csv = Path.Combine(silos[0].ObjectRoot, name, "interactions.csv");
        await InteractionsCsv.WriteAsync(csv, 3_000, token);
        var clients = silos.Select(s => new ControlPlaneClient(s.Endpoint)).ToArray();
        var rest = silos.Select(s => new RestClient(s.Endpoint)).ToArray();
        try
        {
            await body(silos, new Resources(clients, token), rest, csv, token);
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

    private static IEnumerable<string> Ids(JsonElement answer) => (answer.TryGetProperty("itemList", out var items) ? items : answer.GetProperty("personalizedRanking"))
        .EnumerateArray().Select(item => item.GetProperty("itemId").GetString()!);
}
