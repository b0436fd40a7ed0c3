using System.Globalization;
using System.Text;
using System.Text.Json;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>kill -9 during a batch inference job: after the restart the job completes and every output line is there exactly once.</summary>
public sealed class BatchCrashTests
{
    private const int Files = 6;
    private const int LinesPerFile = 20_000;
    private const int Users = 1_500;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task A_batch_job_killed_mid_way_completes_after_restart_with_each_output_line_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        var folder = Path.Combine(server.ObjectRoot, "crash-batch");
        await WriteInputsAsync(folder, ct);
        using var client = new ControlPlaneClient(server.Endpoint);
        var versionArn = await TrainedVersionAsync(client, ct);

        var jobArn = (await client.CallAsync("CreateBatchInferenceJob", new
        {
            jobName = "crash-batch", solutionVersionArn = versionArn, roleArn = "arn:aws:iam::000000000000:role/unused", numResults = 5,
            jobInput = new { s3DataSource = new { path = "s3://crash-batch/in/" } },
            jobOutput = new { s3DataDestination = new { path = "s3://crash-batch/out/" } },
        }, ct)).GetProperty("batchInferenceJobArn").GetString()!;
        var progressAtKill = await WaitRunningAsync(client, jobArn, ct);
        await server.KillAsync();
        await server.StartAsync(ct);

        var job = await client.WaitSettledAsync("DescribeBatchInferenceJob", "batchInferenceJobArn", "batchInferenceJob", jobArn, JobTimeout, ct);
        var context = $"(killed at jobProgress {progressAtKill})\n--- server output\n{server.Output}";
        TestContext.Current.TestOutputHelper?.WriteLine($"Killed at {progressAtKill}; after the restart: {job}");
        Assert.True(job.GetProperty("status").GetString() == "ACTIVE", $"{job} {context}");
        Assert.Equal(Files * LinesPerFile, job.GetProperty("jobProgress").GetProperty("linesDone").GetInt64());
        for (var file = 0; file < Files; file++)
        {
            var output = await File.ReadAllLinesAsync(Path.Combine(folder, "out", $"users-{file}.jsonl.out"), ct);
            Assert.True(output.Length == LinesPerFile, $"users-{file}.jsonl.out has {output.Length} lines {context}");
            for (var line = 0; line < LinesPerFile; line++)
            {
                using var parsed = JsonDocument.Parse(output[line]);
                Assert.Equal(UserOf(file, line), parsed.RootElement.GetProperty("input").GetProperty("userId").GetString());
                Assert.Equal(5, parsed.RootElement.GetProperty("output").GetProperty("recommendedItems").GetArrayLength());
            }
        }
    }

    private static string UserOf(int file, int line) => $"u{((file * LinesPerFile) + line) % Users}";

    /// <summary>Interactions of 1,500 users in 30 clusters, and six input files of 20,000 lines each.</summary>
    private static async Task WriteInputsAsync(string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        var csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        for (var user = 0; user < Users; user++)
        {
            for (var step = 0; step < 20; step++)
            {
                var item = (user % 30 * 60) + (((user * 7) + (step * 13)) % 60);
                csv.Append(CultureInfo.InvariantCulture, $"u{user},i{item},{1_700_000_000 + (user * 100) + step},click,1\n");
            }
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "interactions.csv"), csv.ToString(), ct);
        for (var file = 0; file < Files; file++)
        {
            var lines = Enumerable.Range(0, LinesPerFile).Select(line => $$"""{"userId": "{{UserOf(file, line)}}"}""");
            await File.WriteAllLinesAsync(Path.Combine(folder, "in", $"users-{file}.jsonl"), lines, ct);
        }
    }

    private static async Task<string> TrainedVersionAsync(ControlPlaneClient client, CancellationToken ct)
    {
        var groupArn = await client.CreateActiveAsync("CreateDatasetGroup", new { name = "crash-batch" }, "datasetGroupArn", SettleTimeout, ct);
        var schemaArn = (await client.CallAsync("CreateSchema", new { name = "crash-batch", schema = Schemas.Interactions }, ct))
            .GetProperty("schemaArn").GetString()!;
        var datasetArn = await client.CreateActiveAsync("CreateDataset", new
        {
            name = "crash-batch", datasetGroupArn = groupArn, datasetType = "Interactions", schemaArn,
        }, "datasetArn", SettleTimeout, ct);
        await client.CreateActiveAsync("CreateDatasetImportJob", new
        {
            jobName = "crash-batch", datasetArn, dataSource = new { dataLocation = "s3://crash-batch/interactions.csv" },
        }, "datasetImportJobArn", SettleTimeout, ct);
        var solutionArn = await client.CreateActiveAsync("CreateSolution", new
        {
            name = "crash-batch", datasetGroupArn = groupArn, recipeArn = "arn:aws:personalize:::recipe/aws-user-personalization",
        }, "solutionArn", SettleTimeout, ct);
        return await client.CreateActiveAsync("CreateSolutionVersion", new { solutionArn }, "solutionVersionArn", TimeSpan.FromSeconds(120), ct);
    }

    /// <summary>Waits until the job has answered some lines but not all; returns its jobProgress then.</summary>
    private static async Task<string> WaitRunningAsync(ControlPlaneClient client, string jobArn, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            var job = (await client.CallAsync("DescribeBatchInferenceJob", new { batchInferenceJobArn = jobArn }, ct)).GetProperty("batchInferenceJob");
            var progress = job.GetProperty("jobProgress");
            if (job.GetProperty("status").GetString() == "CREATE IN_PROGRESS" && progress.GetProperty("linesDone").GetInt64() > 0)
            {
                return progress.ToString();
            }
            Assert.True(job.GetProperty("status").GetString() is "CREATE PENDING" or "CREATE IN_PROGRESS" && DateTime.UtcNow < deadline,
                $"the job was never seen running: {job}");
            await Task.Delay(20, ct);
        }
    }
}
