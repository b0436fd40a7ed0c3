using System.Net.Http.Json;
using System.Text.Json;
using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests;

/// <summary>
/// A new user's event put through one silo is in the user's next recommendation through another (the UserGrain,
/// started empty, reads the PostgreSQL event log for what it was not handed), and still after the silo that took it is
/// killed (the grain, wherever it is activated again, rebuilds from the event log).
/// </summary>
public sealed class LiveHistoryTests(TestPostgres postgres)
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_event_put_through_one_silo_filters_the_next_recommendation_through_another_and_survives_the_silos_kill()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = new ProcessCluster(await postgres.CreateDatabaseAsync(token));
        var silos = await cluster.StartSilosAsync(2, token);
        await InteractionsCsv.WriteAsync(Path.Combine(silos[0].ObjectRoot, "live", "interactions.csv"), 3_000, token);
        var clients = silos.Select(s => new ControlPlaneClient(s.Endpoint)).ToArray();
        using var taker = new RestClient(silos[0].Endpoint);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var resources = new Resources(clients, token);
            var (group, _) = await resources.DatasetGroupWithDataAsync("live");
            var campaign = await resources.CampaignAsync("live", group);
            var unclicked = await resources.ActiveAsync("CreateFilter", new
            {
                name = "unclicked", datasetGroupArn = group, filterExpression = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")",
            }, "filterArn");
            var tracker = await resources.ActiveAsync("CreateEventTracker", new { name = "live", datasetGroupArn = group }, "eventTrackerArn");
            var trackingId = (await clients[0].CallAsync("DescribeEventTracker", new { eventTrackerArn = tracker }, token))
                .GetProperty("eventTracker").GetProperty("trackingId").GetString()!;
            var query = new { campaignArn = campaign, userId = "newcomer", numResults = 5, filterArn = unclicked };
            var top = (await RecommendAsync(http, silos[1], query, token))[0];

            await taker.PostAsync("/events", new
            {
                trackingId, userId = "newcomer", sessionId = "s-newcomer",
                eventList = new[] { new { eventType = "click", itemId = top, sentAt = 1_764_000_000 } },
            }, token);
            var next = await RecommendAsync(http, silos[1], query, token);
            await silos[0].KillAsync();
            var afterKill = await RecommendAsync(http, silos[1], query, token);

            Assert.DoesNotContain(top, next);
            Assert.DoesNotContain(top, afterKill);
            Assert.Equal(5, afterKill.Length);
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

    /// <summary>The recommended item ids, retrying answers the cluster gives while it notices a killed silo (503).</summary>
    private static async Task<string[]> RecommendAsync(HttpClient http, ServerProcess silo, object query, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + Recovery;
        while (true)
        {
            using var response = await http.PostAsJsonAsync(new Uri(silo.Endpoint + "/recommendations"), query, token);
            var text = await response.Content.ReadAsStringAsync(token);
            if (response.IsSuccessStatusCode)
            {
                using var answer = JsonDocument.Parse(text);
                return [.. answer.RootElement.GetProperty("itemList").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!)];
            }
            Assert.True((int)response.StatusCode == 503 && DateTime.UtcNow < deadline, $"GetRecommendations answered {(int)response.StatusCode}: {text}");
            await Task.Delay(250, token);
        }
    }
}
