using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>Silos leaving (kill -9) and joining a running cluster.</summary>
[Collection(KillTests.Name)]
public sealed class MembershipTests(TestPostgres postgres)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long every acknowledged group may take to reach ACTIVE once the load stops: the ones the dead silo was
    /// creating wait for the survivors' recovery pass, which on a loaded 2-core host took more than <see cref="Settle"/>.
    /// </summary>
    private static readonly TimeSpan SettleAfterKill = TimeSpan.FromSeconds(90);

    /// <summary>With the test's membership timings a killed silo is declared dead in a few seconds.</summary>
    private static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_silo_killed_mid_load_loses_no_acknowledged_resource_and_the_survivors_recover_in_seconds()
    {
        var token = TestContext.Current.CancellationToken;
        // The load creates dataset groups nonstop, thousands of them: no quota may answer instead of the cluster.
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token),
            "--Attune:Quotas:Defaults:DatasetGroups", "0", "--Attune:Quotas:Defaults:ControlPlaneRequestsPerSecond", "0");
        var silos = await cluster.StartSilosAsync(3, token);
        using var survivor1 = new ControlPlaneClient(silos[0].Endpoint);
        using var survivor2 = new ControlPlaneClient(silos[1].Endpoint);
        ControlPlaneClient[] survivors = [survivor1, survivor2];
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<(TimeSpan At, string Error)>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);

        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                bool ok;
                JsonElement body;
                try
                {
                    (ok, body) = await survivors[(worker + i) % 2].TryCallAsync("CreateDatasetGroup", new { name = $"load-{worker}-{i}" }, token);
                }
                catch (HttpRequestException error)
                {
                    // A transport failure during the failover counts as a failed request, held to the same recovery budget.
                    failures.Add((clock.Elapsed, $"transport: {error.Message}"));
                    continue;
                }

                if (ok)
                {
                    acknowledged.Add(body.GetProperty("datasetGroupArn").GetString()!);
                }
                else
                {
                    failures.Add((clock.Elapsed, body.ToString()));
                }
            }
        }, token)).ToArray();
        await LoadStart.WaitForAnswersAsync(() => acknowledged.Count, 20, Settle, token);
        var before = acknowledged.Count;
        await silos[2].KillAsync();
        var killedAt = clock.Elapsed;
        await Task.Delay(RecoveryBudget + TimeSpan.FromSeconds(3), token);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var context = $"{acknowledged.Count} acknowledged ({before} before the kill at {killedAt}), failures: "
            + string.Join("; ", failures.OrderBy(f => f.At).Select(f => $"{f.At}: {f.Error}")) + $"\n{cluster.Output()}";
        Assert.True(before > 0, context);
        var lastFailure = failures.IsEmpty ? killedAt : failures.Max(f => f.At);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{acknowledged.Count} creates acknowledged ({before} before the kill), {failures.Count} failed, the last {lastFailure - killedAt} after the kill");
        Assert.True(lastFailure - killedAt < RecoveryBudget, $"requests still failed {lastFailure - killedAt} after the kill: {context}");
        Assert.True(acknowledged.Count > before, context);
        foreach (var arn in acknowledged)
        {
            var group = await survivors[arn.Length % 2].WaitSettledAsync(
                "DescribeDatasetGroup", "datasetGroupArn", "datasetGroup", arn, SettleAfterKill, token);
            Assert.True(group.GetProperty("status").GetString() == "ACTIVE", $"{arn}: {group}\n{context}");
        }
    }

    [Fact]
    public async Task An_import_in_flight_on_a_killed_silo_is_resumed_by_the_survivors()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token));
        var silos = await cluster.StartSilosAsync(3, token);
        await InteractionsCsv.WriteAsync(Path.Combine(silos[0].ObjectRoot, "orphan", "interactions.csv"), 400_000, token);
        using var victim = new ControlPlaneClient(silos[2].Endpoint);
        using var survivor = new ControlPlaneClient(silos[0].Endpoint);
        var group = await victim.CreateActiveAsync("CreateDatasetGroup", new { name = "orphan" }, "datasetGroupArn", Settle, token);
        var schemaArn = (await victim.CallAsync("CreateSchema", new { name = "orphan", schema = Schemas.Interactions }, token))
            .GetProperty("schemaArn").GetString();
        var dataset = await victim.CreateActiveAsync(
            "CreateDataset", new { name = "orphan", datasetGroupArn = group, datasetType = "Interactions", schemaArn }, "datasetArn", Settle, token);

        // Created through the victim, whose front door places the job grain locally (or wherever placement puts it).
        var job = (await victim.CallAsync("CreateDatasetImportJob", new
        {
            jobName = "orphan", datasetArn = dataset, dataSource = new { dataLocation = "s3://orphan/interactions.csv" },
            roleArn = "arn:aws:iam::000000000000:role/unused",
        }, token)).GetProperty("datasetImportJobArn").GetString()!;
        await silos[2].KillAsync();

        var settled = await survivor.WaitSettledAsync(
            "DescribeDatasetImportJob", "datasetImportJobArn", "datasetImportJob", job, TimeSpan.FromSeconds(90), token);
        Assert.True(settled.GetProperty("status").GetString() == "ACTIVE", $"{settled}\n{cluster.Output()}");
        Assert.Equal(400_000, settled.GetProperty("rowsImported").GetInt64());
        var survivorsLog = (silos[0].Output + silos[1].Output).Split('\n');
        Assert.Contains(survivorsLog, line => line.Contains("Resuming", StringComparison.Ordinal) && line.Contains(job, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fourth_silo_joins_a_running_cluster_and_hosts_activations()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token));
        var silos = await cluster.StartSilosAsync(3, token);

        var fourth = await cluster.StartAsync("silo", token);
        ServerProcess[] all = [.. silos, fourth];
        Assert.Equal(4, await cluster.ActiveSilosAsync(token));
        for (var i = 0; i < 16; i++)
        {
            using var client = new ControlPlaneClient(all[i % all.Length].Endpoint);
            await client.CreateActiveAsync("CreateDatasetGroup", new { name = $"joined-{i}" }, "datasetGroupArn", Settle, token);
        }

        var activations = await SiloMetrics.ActivationsCreatedAsync(fourth.Endpoint, "resourcelifecycle", token);
        Assert.True(activations > 0, $"the fourth silo activated no lifecycle grain:\n{cluster.Output()}");
    }
}
