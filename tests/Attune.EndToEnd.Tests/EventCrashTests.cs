using System.Text;
using Attune.Bench.Events;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>kill -9 of the server while several connections put events: nothing it answered 200 for is lost.</summary>
public sealed class EventCrashTests
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_acknowledged_event_is_in_the_store_and_its_users_history_after_kill_9()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        var (group, trackingId) = await CreateTrackerAsync(server, ct);
        using var http = new HttpClient();
        var load = new EventLoad(http, () => server.Endpoint, trackingId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = load.RunAsync(6, 10, TimeSpan.FromMinutes(1), uniqueItems: true, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        await server.KillAsync();
        await stop.CancelAsync();
        var acknowledged = (await running).Acknowledged;
        await server.StartAsync(ct);

        var count = AcknowledgedCheck.Count(server.DataDirectory, group, acknowledged);
        TestContext.Current.TestOutputHelper?.WriteLine($"after kill -9: {count}");
        Assert.True(count.Acknowledged > 0, $"no event was acknowledged before the kill\n{server.Output}");
        Assert.Equal(0, count.MissingFromStore);
        Assert.Equal(0, count.MissingFromHistory);

        using var body = new StringContent(
            $$"""{"trackingId":"{{trackingId}}","userId":"after","sessionId":"s","eventList":[{"eventType":"click","itemId":"i","sentAt":1764000000}]}""",
            Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(server.Endpoint + "/events"), body, ct);
        Assert.True(response.IsSuccessStatusCode, $"PutEvents after the restart: {response.StatusCode}\n{server.Output}");
    }

    private static async Task<(string Group, string TrackingId)> CreateTrackerAsync(ServerProcess server, CancellationToken ct)
    {
        using var client = new ControlPlaneClient(server.Endpoint);
        var group = await client.CreateActiveAsync("CreateDatasetGroup", new { name = "crash-events" }, "datasetGroupArn", SettleTimeout, ct);
        var schemaArn = (await client.CallAsync("CreateSchema", new { name = "crash-events", schema = Schemas.Interactions }, ct))
            .GetProperty("schemaArn").GetString()!;
        await client.CreateActiveAsync("CreateDataset", new
        {
            name = "crash-events", datasetGroupArn = group, datasetType = "Interactions", schemaArn,
        }, "datasetArn", SettleTimeout, ct);
        var tracker = await client.CallAsync("CreateEventTracker", new { name = "crash-events", datasetGroupArn = group }, ct);
        var trackerArn = tracker.GetProperty("eventTrackerArn").GetString()!;
        await client.WaitSettledAsync("DescribeEventTracker", "eventTrackerArn", "eventTracker", trackerArn, SettleTimeout, ct);
        return (group, tracker.GetProperty("trackingId").GetString()!);
    }
}
