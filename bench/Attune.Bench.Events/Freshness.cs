using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Attune.Bench.Load;

namespace Attune.Bench.Events;

/// <summary>What (b) measured: from a PutEvents 200 to the first GetRecommendations that reflects the event.</summary>
internal sealed record FreshnessResult(
    string Background, int Samples, int ReflectedByFirstRequest, double P50, double P99, double Max, double BackgroundEventsPerSecond);

/// <summary>
/// (b) freshness: a user-personalization campaign on imported interactions with the filter
/// <c>EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")</c>. Each sample clicks the user's current top item
/// and times from the PutEvents 200 until a GetRecommendations no longer returns it, while background PutEvents load
/// runs on other connections: once paced (2 connections × 250 batches of 10 a second, 5,000 events/s) and once
/// saturating (4 connections, closed loop).
/// </summary>
internal static class Freshness
{
    private const int Users = 300;
    private const int Items = 500;

    public static async Task<IReadOnlyList<FreshnessResult>> RunAsync(HttpClient http, EventServer server, ControlPlane control, string groupArn,
        string trackingId, EventLoad background, int samples)
    {
        var campaign = await CampaignAsync(server, control, groupArn);
        var unclicked = (await control.CallAsync("CreateFilter", new JsonObject
        {
            ["name"] = "fresh-unclicked", ["datasetGroupArn"] = groupArn,
            ["filterExpression"] = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")",
        }))["filterArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeFilter", "filterArn", unclicked, "filter", TimeSpan.FromMinutes(1));
        return
        [
            await MeasureAsync(http, server.Endpoint, campaign, unclicked, trackingId, samples, 0, "5,000 events/s paced",
                stop => background.RunAsync(2, 10, TimeSpan.FromHours(1), uniqueItems: false, stop, interval: TimeSpan.FromMilliseconds(4))),
            await MeasureAsync(http, server.Endpoint, campaign, unclicked, trackingId, samples, samples, "saturating (4 connections, closed loop)",
                stop => background.RunAsync(4, 10, TimeSpan.FromHours(1), uniqueItems: false, stop)),
        ];
    }

    private static async Task<FreshnessResult> MeasureAsync(HttpClient http, string endpoint, string campaign, string unclicked,
        string trackingId, int samples, int firstSample, string name, Func<CancellationToken, Task<LoadResult>> background)
    {
        using var stop = new CancellationTokenSource();
        var load = background(stop.Token);
        var times = new List<double>(samples);
        int first = 0;
        for (int sample = firstSample; sample < firstSample + samples; sample++)
        {
            var user = $"fresh-u{sample % Users}";
            var top = (await RecommendAsync(http, endpoint, campaign, user, unclicked))[0];
            await PutClickAsync(http, endpoint, trackingId, user, top, sample);
            var acknowledged = Stopwatch.GetTimestamp();
            for (int attempt = 1; ; attempt++)
            {
                if (!(await RecommendAsync(http, endpoint, campaign, user, unclicked)).Contains(top))
                {
                    times.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
                    first += attempt == 1 ? 1 : 0;
                    break;
                }
                if (Stopwatch.GetElapsedTime(acknowledged) > TimeSpan.FromSeconds(10))
                {
                    throw new InvalidOperationException($"{user}'s click on {top} was not reflected within 10 s.");
                }
            }
        }
        await stop.CancelAsync();
        var result = await load;
        var sorted = times.Order().ToArray();
        return new FreshnessResult(name, samples, first, sorted[sorted.Length / 2], sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))],
            sorted[^1], result.EventsPerSecond);
    }

    /// <summary>Imports <see cref="Users"/> users × 20 clicks and serves a user-personalization campaign on them.</summary>
    private static async Task<string> CampaignAsync(EventServer server, ControlPlane control, string groupArn)
    {
        var folder = Path.Combine(server.DataDirectory, "objects", "fresh");
        Directory.CreateDirectory(folder);
        var random = new Random(5);
        var csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        for (int user = 0; user < Users; user++)
        {
            for (int k = 0; k < 20; k++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"fresh-u{user},item-{(user * 7 + random.Next(40)) % Items},{1_700_000_000 + (user * 100) + k},view,1\n");
            }
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "interactions.csv"), csv.ToString());
        var timeout = TimeSpan.FromMinutes(3);
        var dataset = (await control.CallAsync("ListDatasets", new JsonObject { ["datasetGroupArn"] = groupArn }))["datasets"]![0]!["datasetArn"]!.GetValue<string>();
        var job = (await control.CallAsync("CreateDatasetImportJob", new JsonObject
        {
            ["jobName"] = "fresh", ["datasetArn"] = dataset, ["dataSource"] = new JsonObject { ["dataLocation"] = "s3://fresh/interactions.csv" },
        }))["datasetImportJobArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeDatasetImportJob", "datasetImportJobArn", job, "datasetImportJob", timeout);
        var solution = (await control.CallAsync("CreateSolution", new JsonObject
        {
            ["name"] = "fresh", ["datasetGroupArn"] = groupArn, ["recipeArn"] = "arn:aws:personalize:::recipe/aws-user-personalization",
            ["performAutoTraining"] = false,
        }))["solutionArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeSolution", "solutionArn", solution, "solution", timeout);
        var version = (await control.CallAsync("CreateSolutionVersion", new JsonObject { ["solutionArn"] = solution }))["solutionVersionArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeSolutionVersion", "solutionVersionArn", version, "solutionVersion", timeout);
        var campaign = (await control.CallAsync("CreateCampaign", new JsonObject { ["name"] = "fresh", ["solutionVersionArn"] = version }))["campaignArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeCampaign", "campaignArn", campaign, "campaign", timeout);
        return campaign;
    }

    private static async Task<List<string>> RecommendAsync(HttpClient http, string endpoint, string campaign, string user, string filter)
    {
        using var response = await http.PostAsJsonAsync(new Uri(endpoint + "/recommendations"),
            new { campaignArn = campaign, userId = user, numResults = 25, filterArn = filter });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. body!["itemList"]!.AsArray().Select(item => item!["itemId"]!.GetValue<string>())];
    }

    private static async Task PutClickAsync(HttpClient http, string endpoint, string trackingId, string user, string item, int sample)
    {
        using var response = await http.PostAsJsonAsync(new Uri(endpoint + "/events"), new
        {
            trackingId, userId = user, sessionId = "s-" + user,
            eventList = new[] { new { eventId = $"fresh-{sample}", eventType = "click", itemId = item, sentAt = 1_764_000_000 + sample } },
        });
        response.EnsureSuccessStatusCode();
    }
}
