using System.Globalization;
using System.Text;
using System.Text.Json;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>kill -9 during training: after the restart the version settles (ACTIVE with metrics or CREATE FAILED), never hangs.</summary>
public sealed class TrainingCrashTests
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_version_killed_while_training_settles_after_restart_and_the_solution_trains_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        await WriteClusteredInteractionsAsync(Path.Combine(server.ObjectRoot, "crash-train", "interactions.csv"), ct);
        using var client = new ControlPlaneClient(server.Endpoint);
        var solutionArn = await SolutionWithDataAsync(client, ct);

        var versionArn = await CreateVersionAsync(client, solutionArn, ct);
        var progressAtKill = await WaitTrainingAsync(client, versionArn, ct);
        await server.KillAsync();
        await server.StartAsync(ct);

        var context = $"(killed at trainingProgress {progressAtKill})\n--- server output\n{server.Output}";
        var version = await client.WaitSettledAsync(
            "DescribeSolutionVersion", "solutionVersionArn", "solutionVersion", versionArn, TrainingTimeout, ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"Killed at {progressAtKill}; after the restart: {version}");
        switch (version.GetProperty("status").GetString())
        {
            case "ACTIVE":
                await AssertMetricsAsync(client, versionArn, context, ct);
                break;
            case "CREATE FAILED":
                Assert.False(string.IsNullOrWhiteSpace(version.GetProperty("failureReason").GetString()), $"{version} {context}");
                break;
            default:
                Assert.Fail($"the interrupted version ended {version} {context}");
                break;
        }

        var next = await CreateVersionAsync(client, solutionArn, ct);
        var done = await client.WaitSettledAsync("DescribeSolutionVersion", "solutionVersionArn", "solutionVersion", next, TrainingTimeout, ct);
        Assert.True(done.GetProperty("status").GetString() == "ACTIVE", $"the version after the crash: {done} {context}");
        await AssertMetricsAsync(client, next, context, ct);
    }

    /// <summary>1,500 users in 30 clusters, each clicking 30 distinct items of its cluster's 60: 1,800 items in all.</summary>
    private static async Task WriteClusteredInteractionsAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        for (var user = 0; user < 1_500; user++)
        {
            for (var step = 0; step < 30; step++)
            {
                var item = (user % 30 * 60) + (((user * 7) + (step * 13)) % 60);
                csv.Append(CultureInfo.InvariantCulture, $"u{user},i{item},{1_700_000_000 + (user * 100) + step},click,1\n");
            }
        }
        await File.WriteAllTextAsync(path, csv.ToString(), ct);
    }

    /// <summary>A group with the interactions imported and a user-personalization solution with an 8-job HPO (several seconds).</summary>
    private static async Task<string> SolutionWithDataAsync(ControlPlaneClient client, CancellationToken ct)
    {
        var groupArn = await client.CreateActiveAsync("CreateDatasetGroup", new { name = "crash-train" }, "datasetGroupArn", SettleTimeout, ct);
        var schemaArn = (await client.CallAsync("CreateSchema", new { name = "crash-train", schema = Schemas.Interactions }, ct))
            .GetProperty("schemaArn").GetString()!;
        var datasetArn = await client.CreateActiveAsync("CreateDataset", new
        {
            name = "crash-train", datasetGroupArn = groupArn, datasetType = "Interactions", schemaArn,
        }, "datasetArn", SettleTimeout, ct);
        await client.CreateActiveAsync("CreateDatasetImportJob", new
        {
            jobName = "crash-train", datasetArn, dataSource = new { dataLocation = "s3://crash-train/interactions.csv" },
        }, "datasetImportJobArn", SettleTimeout, ct);
        return await client.CreateActiveAsync("CreateSolution", new
        {
            name = "crash-train", datasetGroupArn = groupArn, recipeArn = "arn:aws:personalize:::recipe/aws-user-personalization",
            performHPO = true,
            solutionConfig = new
            {
                hpoConfig = new
                {
                    hpoResourceConfig = new { maxNumberOfTrainingJobs = "8" },
                    algorithmHyperParameterRanges = new
                    {
                        continuousHyperParameterRanges = new[] { new { name = "lambda", minValue = 50.0, maxValue = 2000.0 } },
                    },
                },
            },
        }, "solutionArn", SettleTimeout, ct);
    }

    private static async Task<string> CreateVersionAsync(ControlPlaneClient client, string solutionArn, CancellationToken ct) =>
        (await client.CallAsync("CreateSolutionVersion", new { solutionArn }, ct)).GetProperty("solutionVersionArn").GetString()!;

    /// <summary>Waits until the version is CREATE IN_PROGRESS past its first progress report; returns that trainingProgress.</summary>
    private static async Task<string> WaitTrainingAsync(ControlPlaneClient client, string versionArn, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            var version = (await client.CallAsync("DescribeSolutionVersion", new { solutionVersionArn = versionArn }, ct))
                .GetProperty("solutionVersion");
            var status = version.GetProperty("status").GetString();
            var progress = version.GetProperty("trainingProgress");
            if (status == "CREATE IN_PROGRESS" && progress.GetProperty("percent").GetDouble() > 0)
            {
                return progress.ToString();
            }
            Assert.True(status is "CREATE PENDING" or "CREATE IN_PROGRESS" && DateTime.UtcNow < deadline,
                $"the version was never seen training: {version}");
            await Task.Delay(20, ct);
        }
    }

    private static async Task AssertMetricsAsync(ControlPlaneClient client, string versionArn, string context, CancellationToken ct)
    {
        var metrics = (await client.CallAsync("GetSolutionMetrics", new { solutionVersionArn = versionArn }, ct)).GetProperty("metrics");
        var names = metrics.EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.True(names.Length == 8 && names.Contains("normalized_discounted_cumulative_gain_at_10"),
            $"metrics of {versionArn}: {JsonSerializer.Serialize(metrics)} {context}");
        Assert.All(metrics.EnumerateObject(), m => Assert.InRange(m.Value.GetDouble(), 0, 1));
    }
}
