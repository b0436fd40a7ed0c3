using System.Text.Json;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>kill -9 and restart on the same data directory: acknowledged work survives, interrupted imports settle.</summary>
public sealed class CrashRecoveryTests
{
    // Waits return as soon as the work settles; the budget covers a 1.5M-row import resumed on a starved CI host.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Acknowledged_creates_updates_tags_and_deletes_survive_kill_9()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        var arns = await AcknowledgeWorkAsync(server, ct);
        await server.KillAsync();
        await server.StartAsync(ct);

        using var client = new ControlPlaneClient(server.Endpoint);
        var context = $"\n--- server output\n{server.Output}";
        var group = await client.WaitSettledAsync("DescribeDatasetGroup", "datasetGroupArn", "datasetGroup", arns.Group, SettleTimeout, ct);
        Assert.True(group.GetProperty("status").GetString() == "ACTIVE", $"{group}{context}");
        Assert.Equal(new Dictionary<string, string> { ["team"] = "search", ["added"] = "later" }, await client.TagsAsync(arns.Group, ct));

        var dataset = await client.WaitSettledAsync("DescribeDataset", "datasetArn", "dataset", arns.Dataset, SettleTimeout, ct);
        Assert.True(dataset.GetProperty("schemaArn").GetString() == arns.WiderSchema, $"the schema update was lost: {dataset}{context}");
        Assert.Equal(arns.WiderSchema, dataset.GetProperty("latestDatasetUpdate").GetProperty("schemaArn").GetString());
        Assert.Equal(new Dictionary<string, string> { ["kind"] = "interactions" }, await client.TagsAsync(arns.Dataset, ct));

        var pending = await client.WaitSettledAsync("DescribeDatasetGroup", "datasetGroupArn", "datasetGroup", arns.PendingGroup, SettleTimeout, ct);
        Assert.True(pending.GetProperty("status").GetString() == "ACTIVE", $"a group acknowledged in CREATE PENDING ended {pending}{context}");

        await client.CallAsync("DescribeSchema", new { schemaArn = arns.WiderSchema }, ct);
        await AssertGoneAsync(client, "DescribeSchema", new { schemaArn = arns.DeletedSchema }, ct);
        // A delete acknowledged before the crash may still be in progress after the restart, but must finish.
        await client.WaitGoneAsync("DescribeDatasetGroup", "datasetGroupArn", arns.DeletedGroup, SettleTimeout, () => server.Output, ct);
    }

    [Fact]
    public async Task An_import_killed_in_progress_ends_active_or_failed_after_restart_and_the_next_import_works()
    {
        const int Rows = 1_500_000;
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        await InteractionsCsv.WriteAsync(Path.Combine(server.ObjectRoot, "big", "interactions.csv"), Rows, ct);
        await InteractionsCsv.WriteAsync(Path.Combine(server.ObjectRoot, "small", "interactions.csv"), 2_000, ct);
        using var client = new ControlPlaneClient(server.Endpoint);
        var groupArn = await client.CreateActiveAsync("CreateDatasetGroup", new { name = "crash-import" }, "datasetGroupArn", SettleTimeout, ct);
        var schemaArn = (await client.CallAsync("CreateSchema", new { name = "crash-import", schema = Schemas.Interactions }, ct))
            .GetProperty("schemaArn").GetString()!;
        var datasetArn = await client.CreateActiveAsync("CreateDataset", new
        {
            name = "crash-import", datasetGroupArn = groupArn, datasetType = "Interactions", schemaArn,
        }, "datasetArn", SettleTimeout, ct);

        var jobArn = await StartImportAsync(client, "crash-big", datasetArn, "s3://big/interactions.csv", ct);
        var rowsAtKill = await WaitInProgressAsync(client, jobArn, ct);
        await server.KillAsync();
        await server.StartAsync(ct);

        var context = $"(killed at rowsImported={rowsAtKill})\n--- server output\n{server.Output}";
        var job = await client.WaitSettledAsync("DescribeDatasetImportJob", "datasetImportJobArn", "datasetImportJob", jobArn, SettleTimeout, ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"Killed at rowsImported={rowsAtKill} of {Rows}; after the restart: {job}");
        switch (job.GetProperty("status").GetString())
        {
            case "ACTIVE":
                Assert.True(job.GetProperty("rowsImported").GetInt64() == Rows, $"a resumed import lost rows: {job} {context}");
                break;
            case "CREATE FAILED":
                Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("failureReason").GetString()), $"{job} {context}");
                break;
            default:
                Assert.Fail($"the interrupted job ended {job} {context}");
                break;
        }

        var next = await StartImportAsync(client, "crash-next", datasetArn, "s3://small/interactions.csv", ct);
        var done = await client.WaitSettledAsync("DescribeDatasetImportJob", "datasetImportJobArn", "datasetImportJob", next, SettleTimeout, ct);
        Assert.True(done.GetProperty("status").GetString() == "ACTIVE" && done.GetProperty("rowsImported").GetInt64() == 2_000,
            $"the import after the crash: {done} {context}");
    }

    private sealed record AcknowledgedArns(
        string Group, string Dataset, string WiderSchema, string PendingGroup, string DeletedGroup, string DeletedSchema);

    /// <summary>Creates, updates, tags and deletes; every call has been acknowledged when this returns.</summary>
    private static async Task<AcknowledgedArns> AcknowledgeWorkAsync(ServerProcess server, CancellationToken ct)
    {
        using var client = new ControlPlaneClient(server.Endpoint);
        var group = await client.CreateActiveAsync("CreateDatasetGroup", new
        {
            name = "crash-group", tags = new[] { ControlPlaneClient.Tag("team", "search"), ControlPlaneClient.Tag("gone", "soon") },
        }, "datasetGroupArn", SettleTimeout, ct);
        var doomedGroup = await client.CreateActiveAsync("CreateDatasetGroup", new { name = "crash-doomed" }, "datasetGroupArn", SettleTimeout, ct);
        var schema = await CreateSchemaAsync(client, "crash-schema", Schemas.Interactions, ct);
        var wider = await CreateSchemaAsync(client, "crash-wider", Schemas.InteractionsWithDevice, ct);
        var doomedSchema = await CreateSchemaAsync(client, "crash-doomed", Schemas.Interactions, ct);
        var dataset = await client.CreateActiveAsync("CreateDataset", new
        {
            name = "crash-dataset", datasetGroupArn = group, datasetType = "Interactions", schemaArn = schema,
            tags = new[] { ControlPlaneClient.Tag("kind", "interactions") },
        }, "datasetArn", SettleTimeout, ct);

        await client.CallAsync("UpdateDataset", new { datasetArn = dataset, schemaArn = wider }, ct);
        await client.CallAsync("TagResource", new { resourceArn = group, tags = new[] { ControlPlaneClient.Tag("added", "later") } }, ct);
        await client.CallAsync("UntagResource", new { resourceArn = group, tagKeys = new[] { "gone" } }, ct);
        await client.CallAsync("DeleteDatasetGroup", new { datasetGroupArn = doomedGroup }, ct);
        await client.CallAsync("DeleteSchema", new { schemaArn = doomedSchema }, ct);
        var pending = (await client.CallAsync("CreateDatasetGroup", new { name = "crash-pending" }, ct)).GetProperty("datasetGroupArn").GetString()!;
        return new(group, dataset, wider, pending, doomedGroup, doomedSchema);
    }

    private static async Task<string> CreateSchemaAsync(ControlPlaneClient client, string name, string schema, CancellationToken ct) =>
        (await client.CallAsync("CreateSchema", new { name, schema }, ct)).GetProperty("schemaArn").GetString()!;

    /// <summary>Creates a resource and waits for it to become ACTIVE; returns its ARN.</summary>
    private static async Task<string> StartImportAsync(
        ControlPlaneClient client, string jobName, string datasetArn, string location, CancellationToken ct) =>
        (await client.CallAsync("CreateDatasetImportJob", new { jobName, datasetArn, dataSource = new { dataLocation = location } }, ct))
        .GetProperty("datasetImportJobArn").GetString()!;

    /// <summary>Waits until the job is CREATE IN_PROGRESS with rows flowing; returns rowsImported at that moment.</summary>
    private static async Task<long> WaitInProgressAsync(ControlPlaneClient client, string jobArn, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            var job = (await client.CallAsync("DescribeDatasetImportJob", new { datasetImportJobArn = jobArn }, ct)).GetProperty("datasetImportJob");
            var status = job.GetProperty("status").GetString();
            if (status == "CREATE IN_PROGRESS" && job.GetProperty("rowsImported").GetInt64() > 0)
            {
                return job.GetProperty("rowsImported").GetInt64();
            }
            Assert.True(status is "CREATE PENDING" or "CREATE IN_PROGRESS" && DateTime.UtcNow < deadline,
                $"the import was never seen in progress with rows: {job}");
            await Task.Delay(20, ct);
        }
    }

    private static async Task AssertGoneAsync(ControlPlaneClient client, string describe, object input, CancellationToken ct)
    {
        var (ok, body) = await client.TryCallAsync(describe, input, ct);
        Assert.False(ok, $"{describe} {JsonSerializer.Serialize(input)} still answers {body}");
        Assert.Equal("ResourceNotFoundException", body.GetProperty("__type").GetString());
    }
}
