using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;
using Attune.Storage.Postgres.Datasets;
using Npgsql;

namespace Attune.Cluster.Tests;

/// <summary>PutEvents through every silo while one is killed: every acknowledged event is in the PostgreSQL event log.</summary>
[Collection(KillTests.Name)]
public sealed class EventDurabilityTests(TestPostgres postgres)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    /// <summary>
    /// The killed silo is declared dead within a few seconds, but a request a survivor took just before that can wait on
    /// the dead silo's grain until the client's 10 s timeout, and while the machine is saturated Orleans counts the
    /// survivors' own probes as inconclusive (the prober stalled), which delays the declaration: CI runs with every test
    /// project in parallel on 2 cores saw the last failure 17 s and 28 s after the kill (no event lost). The durability
    /// check below is the point; this bounds the outage.
    /// </summary>
    private static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(45);

    /// <summary>The load runs on after the kill until requests have succeeded this long in a row (or the budget ends).</summary>
    private static readonly TimeSpan Recovered = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_silo_killed_during_PutEvents_load_loses_no_acknowledged_event()
    {
        var token = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(token);
        await using var cluster = new ProcessCluster(database);
        var silos = await cluster.StartSilosAsync(3, token);
        using var control = new ControlPlaneClient(silos[0].Endpoint);
        var group = await control.CreateActiveAsync("CreateDatasetGroup", new { name = "durable" }, "datasetGroupArn", Settle, token);
        var schemaArn = (await control.CallAsync("CreateSchema", new { name = "durable", schema = Schemas.Interactions }, token))
            .GetProperty("schemaArn").GetString();
        await control.CreateActiveAsync("CreateDataset",
            new { name = "durable", datasetGroupArn = group, datasetType = "Interactions", schemaArn }, "datasetArn", Settle, token);
        var tracker = await control.CreateActiveAsync("CreateEventTracker", new { name = "durable", datasetGroupArn = group }, "eventTrackerArn", Settle, token);
        var trackingId = (await control.CallAsync("DescribeEventTracker", new { eventTrackerArn = tracker }, token))
            .GetProperty("eventTracker").GetProperty("trackingId").GetString()!;

        var acknowledged = new ConcurrentBag<(string User, string Item)>();
        var failures = new ConcurrentBag<TimeSpan>();
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.MaxValue;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var workers = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                // Through every silo until the kill, then through the survivors.
                var silo = silos[(worker + i) % (clock.Elapsed < killedAt ? 3 : 2)];
                var user = $"u{worker}-{i % 20}";
                var items = Enumerable.Range(0, 5).Select(k => $"w{worker}-n{i}-k{k}").ToArray();
                try
                {
                    using var response = await http.PostAsJsonAsync(new Uri(silo.Endpoint + "/events"), new
                    {
                        trackingId, userId = user, sessionId = "s-" + user,
                        eventList = items.Select((item, k) => new { eventId = item, eventType = "click", itemId = item, sentAt = 1_764_000_000 + i }),
                    }, stop.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        Array.ForEach(items, item => acknowledged.Add((user, item)));
                        continue;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    if (stop.IsCancellationRequested)
                    {
                        break; // the load stopping, not a failure
                    }
                }
                failures.Add(clock.Elapsed);
            }
        }, token)).ToArray();
        await LoadStart.WaitForAnswersAsync(() => acknowledged.Count, 200, Settle, token);
        var before = acknowledged.Count;
        await silos[2].KillAsync();
        killedAt = clock.Elapsed;
        await WaitForRecoveryAsync(clock, killedAt, failures, token);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var lastFailure = failures.IsEmpty ? killedAt : failures.Max();
        var context = $"{acknowledged.Count} events acknowledged ({before} before the kill), {failures.Count} failed requests, " +
            $"the last {lastFailure - killedAt} after the kill\n{cluster.Output()}";
        TestContext.Current.TestOutputHelper?.WriteLine(context[..context.IndexOf('\n', StringComparison.Ordinal)]);
        Assert.True(before > 0 && acknowledged.Count > before, context);
        Assert.True(lastFailure - killedAt < RecoveryBudget, context);
        // The events' ItemGrains write their counts behind on a 10 s timer; a failing write is logged from the callback.
        Assert.DoesNotContain("thrown from timer callback", cluster.Output(), StringComparison.Ordinal);
        await using var source = NpgsqlDataSource.Create(database);
        using var store = new PostgresDatasetStores(source).Open(group);
        foreach (var user in acknowledged.GroupBy(e => e.User))
        {
            var stored = store.ReadEventLog(user.Key, 0).Select(e => e.ItemId).ToHashSet(StringComparer.Ordinal);
            var missing = user.Select(e => e.Item).Where(item => !stored.Contains(item)).ToList();
            Assert.True(missing.Count == 0, $"{user.Key} lost {missing.Count} acknowledged events ({string.Join(",", missing.Take(5))}): {context}");
        }
    }

    private static async Task WaitForRecoveryAsync(Stopwatch clock, TimeSpan killedAt, ConcurrentBag<TimeSpan> failures, CancellationToken token)
    {
        while (clock.Elapsed - killedAt < RecoveryBudget + TimeSpan.FromSeconds(3))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), token);
            var quietSince = failures.IsEmpty ? killedAt : TimeSpan.FromTicks(Math.Max(killedAt.Ticks, failures.Max().Ticks));
            if (clock.Elapsed - killedAt > Recovered + TimeSpan.FromSeconds(10) && clock.Elapsed - quietSince > Recovered)
            {
                return;
            }
        }
    }
}
