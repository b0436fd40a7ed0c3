using System.Globalization;
using Attune.Bench.InProcess;
using Attune.Bench.Load;

// The real server in this process; requests over one raw keep-alive connection that allocates nothing once warm,
// so GC.GetTotalAllocatedBytes over N requests is what the server allocates per request.
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var output = args.Length > 1 ? args[1] : "bench/results/inprocess.md";

var filterLines = FilterWindowProbe.Run(historyLength: 10_000, items: 50_000, evaluations: 20_000).ToList();
var liveUserLines = (await LiveUserMemoryProbe.RunAsync(users: 200_000)).ToList();
var server = await InProcessServer.StartAsync();
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
var campaign = await BenchCampaign.CreateAsync(new ControlPlane(http, server.Endpoint), server.ObjectRoot);

string Recommend(string user, string? filter) => filter is null
    ? $$"""{"campaignArn":"{{campaign.CampaignArn}}","userId":"{{user}}","numResults":25}"""
    : $$"""{"campaignArn":"{{campaign.CampaignArn}}","userId":"{{user}}","numResults":25,"filterArn":"{{filter}}"}""";
var users = Enumerable.Range(0, 200).Select(u => $"u{u}").ToList();
byte[][] plain = [.. users.Select(u => RawHttpClient.Post(server.Port, "/recommendations", Recommend(u, null)))];
byte[][] filtered = [.. users.Select(u => RawHttpClient.Post(server.Port, "/recommendations", Recommend(u, campaign.UnratedFilterArn)))];
byte[][] heavy = [RawHttpClient.Post(server.Port, "/recommendations", Recommend("heavy", campaign.UnratedFilterArn))];
byte[][] health = [RawHttpClient.Get(server.Port, "/health")];

using var client = await RawHttpClient.ConnectAsync(server.Port);
Console.WriteLine("| requests (one connection, sequential) | n | bytes allocated / request | mean µs | p50 ms | p99 ms |");
var results = new List<LoopResult>
{
    await RequestLoop.RunAsync(client, "GET /health (Kestrel and client floor)", health, requests),
    await RequestLoop.RunAsync(client, "GetRecommendations, 25 items, 200 users", plain, requests),
    await RequestLoop.RunAsync(client, "GetRecommendations, 25 items, EXCLUDE rated filter", filtered, requests),
    await RequestLoop.RunAsync(client, $"same filter, heavy user ({BenchCampaign.HeavyRatings:N0} stored ratings)", heavy, requests / 4),
};
// Live events make the request copy the history once (stored + live) before scoring and filtering.
var putEvents = RawHttpClient.Post(server.Port, "/events",
    $$"""{"trackingId":"{{campaign.TrackingId}}","userId":"heavy","sessionId":"s","eventList":[{"eventType":"rating","sentAt":1700000000,"itemId":"i1"}]}""");
await client.SendAsync(putEvents);
results.Add(await RequestLoop.RunAsync(client, "same, heavy user with a live event", heavy, requests / 4));

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
var report = string.Join('\n',
[
    $"Command: `dotnet bench/Attune.Bench.InProcess/bin/Release/net10.0/Attune.Bench.InProcess.dll {requests}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC,",
    $"{Environment.ProcessorCount} cores, shared, load average {load} at the end. Data: {BenchCampaign.Users} users × 20 views over {BenchCampaign.Items:N0} items, plus \"heavy\" with {BenchCampaign.HeavyRatings:N0} ratings; aws-user-personalization.",
    "",
    "| requests (one connection, sequential) | n | bytes allocated / request | mean µs | p50 ms | p99 ms |",
    "|---|---|---|---|---|---|",
    .. results.Select(r => r.Row()),
    "",
    "Interactions filter evaluation alone (Filters library, EXCLUDE rated items):",
    "",
    "| history | interactions | items | µs / evaluation |",
    "|---|---|---|---|",
    .. filterLines,
    "",
    "Live events held in process per user (embedded mode's InProcessHistories alone; managed heap after full collections):",
    "",
    "| users | heap bytes / user |",
    "|---|---|",
    .. liveUserLines,
    "",
]);
File.WriteAllText(output, report);
Console.WriteLine($"written to {output}");
Directory.Delete(server.DataDirectory, recursive: true);
Environment.Exit(0);
