using System.Text.Json;
using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>
/// A batch inference job on three silos: its six workers are placed at random (all on one silo has odds 3^-5), so
/// several silos answer chunks, and the merged output equals the campaign's answers line by line, in input order.
/// </summary>
public sealed class BatchClusterTests(TestPostgres postgres)
{
    private const int Lines = 12_000;

    [Fact]
    public async Task A_batch_job_is_answered_by_workers_on_several_silos_and_equals_the_runtime_line_by_line()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token));
        var silos = await cluster.StartSilosAsync(3, token);
        var folder = Path.Combine(silos[0].ObjectRoot, "batch");
        await InteractionsCsv.WriteAsync(Path.Combine(folder, "interactions.csv"), 3_000, token);
        await File.WriteAllLinesAsync(Path.Combine(folder, "users.jsonl"),
            Enumerable.Range(0, Lines).Select(line => $$"""{"userId": "u{{line % 1_200}}"}"""), token);
        var clients = silos.Select(s => new ControlPlaneClient(s.Endpoint)).ToArray();
        using var rest = new RestClient(silos[2].Endpoint);
        try
        {
            var resources = new Resources(clients, token);
            var (group, _) = await resources.DatasetGroupWithDataAsync("batch");
            var campaign = await resources.CampaignAsync("batch", group, "arn:aws:personalize:::recipe/aws-user-personalization",
                new Dictionary<string, string> { ["model"] = "ials", ["hidden_dimension"] = "16", ["iterations"] = "3" });
            var version = (await clients[0].CallAsync("DescribeCampaign", new { campaignArn = campaign }, token))
                .GetProperty("campaign").GetProperty("solutionVersionArn").GetString()!;

            await clients[1].CreateActiveAsync("CreateBatchInferenceJob", new
            {
                jobName = "batch", solutionVersionArn = version, roleArn = "arn:aws:iam::000000000000:role/unused", numResults = 10,
                jobInput = new { s3DataSource = new { path = "s3://batch/users.jsonl" } },
                jobOutput = new { s3DataDestination = new { path = "s3://batch/out/" } },
                batchInferenceJobConfig = new { itemExplorationConfig = new Dictionary<string, string> { ["explorationWeight"] = "0" } },
            }, "batchInferenceJobArn", TimeSpan.FromSeconds(180), token);
            var workersPerSilo = await Task.WhenAll(silos.Select(s => SiloMetrics.ActivationsCreatedAsync(s.Endpoint, "batchinferenceworker", token)));
            var output = await File.ReadAllLinesAsync(Path.Combine(folder, "out", "users.jsonl.out"), token);

            Assert.Equal(6, workersPerSilo.Sum());
            Assert.True(workersPerSilo.Count(count => count > 0) >= 2, $"workers per silo: {string.Join(", ", workersPerSilo)}");
            Assert.Equal(Lines, output.Length);
            for (var line = 0; line < 1_200; line++)
            {
                using var parsed = JsonDocument.Parse(output[line]);
                var user = $"u{line}";
                Assert.Equal(user, parsed.RootElement.GetProperty("input").GetProperty("userId").GetString());
                var answer = await rest.PostAsync("/recommendations", new { campaignArn = campaign, userId = user, numResults = 10 }, token);
                Assert.Equal(answer.GetProperty("itemList").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()),
                    parsed.RootElement.GetProperty("output").GetProperty("recommendedItems").EnumerateArray().Select(i => i.GetString()));
                Assert.Equal(output[line], output[line + 1_200]);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException and not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{error.Message}\n{cluster.Output()}", error);
        }
        finally
        {
            Array.ForEach(clients, c => c.Dispose());
        }
    }
}
