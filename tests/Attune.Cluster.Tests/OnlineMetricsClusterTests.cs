using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>
/// Online metrics meet across silos: a recommendation answered by one silo and the events on it put through another
/// are matched by the campaign's OnlineMetricsGrain, so GET /online-metrics answers the same figures on every silo,
/// and the silos' Prometheus counters add up to them.
/// </summary>
public sealed partial class OnlineMetricsClusterTests(TestPostgres postgres)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_recommendation_served_by_one_silo_and_clicked_through_another_is_counted_once_on_every_silo()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token));
        var silos = await cluster.StartSilosAsync(2, token);
        await InteractionsCsv.WriteAsync(Path.Combine(silos[0].ObjectRoot, "online", "interactions.csv"), 3_000, token);
        var clients = silos.Select(s => new ControlPlaneClient(s.Endpoint)).ToArray();
        using var server = new RestClient(silos[1].Endpoint);
        using var taker = new RestClient(silos[0].Endpoint);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var resources = new Resources(clients, token);
            var (group, _) = await resources.DatasetGroupWithDataAsync("online");
            var campaign = await resources.CampaignAsync("online", group);
            var tracker = await resources.ActiveAsync("CreateEventTracker", new { name = "online", datasetGroupArn = group }, "eventTrackerArn");
            var trackingId = (await clients[0].CallAsync("DescribeEventTracker", new { eventTrackerArn = tracker }, token))
                .GetProperty("eventTracker").GetProperty("trackingId").GetString()!;

            var answer = await server.PostAsync("/recommendations", new { campaignArn = campaign, userId = "u1", numResults = 5 }, token);
            var recommendationId = answer.GetProperty("recommendationId").GetString()!;
            var items = answer.GetProperty("itemList").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!).ToArray();
            await taker.PostAsync("/events", new
            {
                trackingId, userId = "u1", sessionId = "s-u1",
                eventList = new object[]
                {
                    new { eventType = "click", itemId = items[0], sentAt = 1_764_000_000, recommendationId },
                    new { eventType = "click", itemId = "not-recommended", sentAt = 1_764_000_001, recommendationId },
                },
            }, token);

            foreach (var silo in silos)
            {
                var totals = await SettledTotalsAsync(http, silo, campaign, token);
                Assert.Equal(1, totals.GetProperty("recommendations").GetInt64());
                Assert.Equal(5, totals.GetProperty("impressions").GetInt64());
                var clicks = totals.GetProperty("events").GetProperty("click");
                Assert.Equal((2, 1, 0.2), (clicks.GetProperty("count").GetInt64(), clicks.GetProperty("onRecommended").GetInt64(), clicks.GetProperty("rate").GetDouble()));
            }
            Assert.Equal(5, await SummedCounterAsync(http, silos, "attune_online_impressions_total", campaign, token));
            Assert.Equal(1, await SummedCounterAsync(http, silos, "attune_online_events_on_recommended_total", campaign, token));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{error.Message}\n{cluster.Output()}", error);
        }
        finally
        {
            Array.ForEach(clients, c => c.Dispose());
        }
    }

    /// <summary>The totals once both silos have flushed (every second): the click events counted.</summary>
    private static async Task<JsonElement> SettledTotalsAsync(HttpClient http, ServerProcess silo, string campaign, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + Settle;
        while (true)
        {
            var body = await http.GetFromJsonAsync<JsonElement>(new Uri($"{silo.Endpoint}/online-metrics?resourceArn={campaign}&minutes=10"), token);
            var totals = body.GetProperty("totals");
            if (totals.GetProperty("events").TryGetProperty("click", out var clicks) && clicks.GetProperty("count").GetInt64() == 2)
            {
                return totals;
            }
            Assert.True(DateTime.UtcNow < deadline, $"online metrics never settled: {body}");
            await Task.Delay(250, token);
        }
    }

    /// <summary>A counter's value for the campaign summed over the silos (each counts what it flushed).</summary>
    private static async Task<double> SummedCounterAsync(HttpClient http, ServerProcess[] silos, string name, string campaign, CancellationToken token)
    {
        var sum = 0.0;
        foreach (var silo in silos)
        {
            var text = await http.GetStringAsync(new Uri(silo.Endpoint + "/metrics"), token);
            foreach (Match line in Series().Matches(text))
            {
                if (line.Groups["name"].Value == name && line.Groups["labels"].Value.Contains($"resource=\"{campaign}\"", StringComparison.Ordinal))
                {
                    sum += double.Parse(line.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        return sum;
    }

    [GeneratedRegex(@"^(?<name>\w+)\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Series();
}
