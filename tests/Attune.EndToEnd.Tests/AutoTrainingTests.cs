using System.Text.Json;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// performAutoTraining: a solution trains its first AUTOMATIC version after FirstDelay, then again every
/// schedulingExpression, until UpdateSolution turns it off. Run with a 3-second "day" so the schedule is testable.
/// </summary>
public sealed class AutoTrainingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_solution_retrains_on_its_schedule_until_automatic_training_is_turned_off()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess(null,
        [
            "--Attune:AutoTraining:CheckInterval", "00:00:00.500", "--Attune:AutoTraining:FirstDelay", "00:00:01",
            "--Attune:AutoTraining:Day", "00:00:03",
        ]);
        await server.StartAsync(ct);
        await InteractionsCsv.WriteAsync(Path.Combine(server.ObjectRoot, "auto", "interactions.csv"), 2_000, ct);
        using var client = new ControlPlaneClient(server.Endpoint);
        var groupArn = await client.CreateActiveAsync("CreateDatasetGroup", new { name = "auto" }, "datasetGroupArn", Timeout, ct);
        var schemaArn = (await client.CallAsync("CreateSchema", new { name = "auto", schema = Schemas.Interactions }, ct)).GetProperty("schemaArn").GetString()!;
        var datasetArn = await client.CreateActiveAsync("CreateDataset",
            new { name = "auto", datasetGroupArn = groupArn, datasetType = "Interactions", schemaArn }, "datasetArn", Timeout, ct);
        await client.CreateActiveAsync("CreateDatasetImportJob",
            new { jobName = "auto", datasetArn, dataSource = new { dataLocation = "s3://auto/interactions.csv" } }, "datasetImportJobArn", Timeout, ct);
        var (ok, error) = await client.TryCallAsync("CreateSolution", new
        {
            name = "auto-bad", datasetGroupArn = groupArn, recipeArn = "arn:aws:personalize:::recipe/aws-user-personalization",
            solutionConfig = new { autoTrainingConfig = new { schedulingExpression = "rate(31 days)" } },
        }, ct);
        Assert.False(ok);
        Assert.Contains("schedulingExpression", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var solutionArn = await client.CreateActiveAsync("CreateSolution", new
        {
            name = "auto", datasetGroupArn = groupArn, recipeArn = "arn:aws:personalize:::recipe/aws-user-personalization",
            solutionConfig = new { autoTrainingConfig = new { schedulingExpression = "rate(1 day)" } },
        }, "solutionArn", Timeout, ct);

        var first = await WaitVersionsAsync(client, solutionArn, 1, ct);
        Assert.Equal("AUTOMATIC", first[0].GetProperty("trainingType").GetString());
        Assert.Equal("AUTOTRAIN", first[0].GetProperty("trainingMode").GetString());
        var active = await client.WaitSettledAsync("DescribeSolutionVersion", "solutionVersionArn", "solutionVersion",
            first[0].GetProperty("solutionVersionArn").GetString()!, Timeout, ct);
        Assert.Equal("ACTIVE", active.GetProperty("status").GetString());
        var second = await WaitVersionsAsync(client, solutionArn, 2, ct);
        Assert.All(second, v => Assert.Equal("AUTOMATIC", v.GetProperty("trainingType").GetString()));

        await client.CallAsync("UpdateSolution", new { solutionArn, performAutoTraining = false }, ct);
        var settledCount = (await WaitNoneInProgressAsync(client, solutionArn, ct)).Count;
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        Assert.Equal(settledCount, (await ListVersionsAsync(client, solutionArn, ct)).Count);
    }

    private static async Task<List<JsonElement>> WaitVersionsAsync(ControlPlaneClient client, string solutionArn, int count, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var versions = await ListVersionsAsync(client, solutionArn, ct);
            if (versions.Count >= count)
            {
                return versions;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{versions.Count} versions after {Timeout}, expected {count}");
            await Task.Delay(200, ct);
        }
    }

    private static async Task<List<JsonElement>> WaitNoneInProgressAsync(ControlPlaneClient client, string solutionArn, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var versions = await ListVersionsAsync(client, solutionArn, ct);
            if (versions.All(v => v.GetProperty("status").GetString() is "ACTIVE" or "CREATE FAILED"))
            {
                return versions;
            }
            Assert.True(DateTime.UtcNow < deadline, "versions still training after the timeout");
            await Task.Delay(200, ct);
        }
    }

    private static async Task<List<JsonElement>> ListVersionsAsync(ControlPlaneClient client, string solutionArn, CancellationToken ct) =>
        [.. (await client.CallAsync("ListSolutionVersions", new { solutionArn }, ct)).GetProperty("solutionVersions").EnumerateArray()];
}
