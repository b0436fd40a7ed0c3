using System.Globalization;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>kill -9 during a data deletion job: after the restart it completes, nothing half-deleted, nothing counted twice.</summary>
public sealed class DeletionCrashTests
{
    private const int Users = 60_000;
    private const int RowsPerUser = 10;
    private const int Deleted = 40_000; // four store batches
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_deletion_killed_in_progress_completes_after_restart_with_every_user_gone_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        await WriteDataAsync(server.ObjectRoot, ct);
        using var client = new ControlPlaneClient(server.Endpoint);
        var groupArn = await client.CreateActiveAsync("CreateDatasetGroup", new { name = "crash-deletion" }, "datasetGroupArn", SettleTimeout, ct);
        var schemaArn = (await client.CallAsync("CreateSchema", new { name = "crash-deletion", schema = Schemas.Interactions }, ct))
            .GetProperty("schemaArn").GetString()!;
        var datasetArn = await client.CreateActiveAsync("CreateDataset", new
        {
            name = "crash-deletion", datasetGroupArn = groupArn, datasetType = "Interactions", schemaArn,
        }, "datasetArn", SettleTimeout, ct);
        var import = (await client.CallAsync("CreateDatasetImportJob", new
        {
            jobName = "crash-deletion-import", datasetArn, dataSource = new { dataLocation = "s3://deletion/interactions.csv" },
        }, ct)).GetProperty("datasetImportJobArn").GetString()!;
        var imported = await client.WaitSettledAsync("DescribeDatasetImportJob", "datasetImportJobArn", "datasetImportJob", import, SettleTimeout, ct);
        Assert.Equal("ACTIVE", imported.GetProperty("status").GetString());

        var jobArn = (await client.CallAsync("CreateDataDeletionJob", new
        {
            jobName = "crash-deletion", datasetGroupArn = groupArn, dataSource = new { dataLocation = "s3://deletion/users.csv" },
            roleArn = "arn:aws:iam::000000000000:role/x",
        }, ct)).GetProperty("dataDeletionJobArn").GetString()!;
        var rowsAtKill = await WaitInProgressAsync(client, jobArn, ct);
        await server.KillAsync();
        await server.StartAsync(ct);

        var context = $"(killed at rowsDone={rowsAtKill})\n--- server output\n{server.Output}";
        var job = await client.WaitSettledAsync("DescribeDataDeletionJob", "dataDeletionJobArn", "dataDeletionJob", jobArn, SettleTimeout, ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"Killed at rowsDone={rowsAtKill}; after the restart: {job}");
        Assert.True(job.GetProperty("status").GetString() == "COMPLETED", $"{job} {context}");
        Assert.True(job.GetProperty("numDeleted").GetInt32() == Deleted, $"numDeleted after the resume: {job} {context}");
        Assert.Equal(Deleted, job.GetProperty("jobProgress").GetProperty("rowsDone").GetInt64());

        var exportArn = (await client.CallAsync("CreateDatasetExportJob", new
        {
            jobName = "crash-deletion-export", datasetArn, ingestionMode = "ALL", roleArn = "arn:aws:iam::000000000000:role/x",
            jobOutput = new { s3DataDestination = new { path = "s3://deletion/export/" } },
        }, ct)).GetProperty("datasetExportJobArn").GetString()!;
        var export = await client.WaitSettledAsync("DescribeDatasetExportJob", "datasetExportJobArn", "datasetExportJob", exportArn, SettleTimeout, ct);
        Assert.True(export.GetProperty("status").GetString() == "ACTIVE", $"{export} {context}");
        var left = File.ReadLines(Path.Combine(server.ObjectRoot, "deletion", "export", "crash-deletion-export_1.csv")).Skip(1)
            .Select(line => int.Parse(line.AsSpan(1, line.IndexOf(',', StringComparison.Ordinal) - 1), CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal((Users - Deleted) * RowsPerUser, left.Count);
        Assert.True(left.All(user => user >= Deleted), "a deleted user's interactions survived the resumed deletion");
    }

    /// <summary>Users u0..u59999 with ten interactions each; the deletion file names u0..u39999.</summary>
    private static async Task WriteDataAsync(string objectRoot, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(objectRoot, "deletion")).FullName;
        await using (var interactions = new StreamWriter(Path.Combine(folder, "interactions.csv")))
        {
            await interactions.WriteAsync("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n".AsMemory(), ct);
            for (var i = 0; i < Users * RowsPerUser; i++)
            {
                await interactions.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                    $"u{i % Users},i{i * 7 % 5_000},{1_700_000_000 + i},click,{i % 5 + 1}\n").AsMemory(), ct);
            }
        }
        await File.WriteAllLinesAsync(Path.Combine(folder, "users.csv"),
            ["USER_ID", .. Enumerable.Range(0, Deleted).Select(u => string.Create(CultureInfo.InvariantCulture, $"u{u}"))], ct);
    }

    /// <summary>Waits until the job is IN_PROGRESS with its first batch committed; returns its jobProgress.rowsDone then.</summary>
    private static async Task<long> WaitInProgressAsync(ControlPlaneClient client, string jobArn, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            var job = (await client.CallAsync("DescribeDataDeletionJob", new { dataDeletionJobArn = jobArn }, ct)).GetProperty("dataDeletionJob");
            var status = job.GetProperty("status").GetString();
            var rowsDone = job.GetProperty("jobProgress").GetProperty("rowsDone").GetInt64();
            if (status == "IN_PROGRESS" && rowsDone > 0)
            {
                return rowsDone;
            }
            Assert.True(status is "PENDING" or "IN_PROGRESS" && DateTime.UtcNow < deadline, $"the deletion was never seen in progress: {job}");
            await Task.Delay(10, ct);
        }
    }
}
