using System.Globalization;
using Attune.Bench.Load;

var options = LoadOptions.Parse(args);
var serverDll = options.ServerDll ?? Path.GetFullPath("src/Attune.Server/bin/Release/net10.0/Attune.Server.dll");
if (!File.Exists(serverDll))
{
    Console.Error.WriteLine($"Build the server first (dotnet build -c Release src/Attune.Server): {serverDll} is missing.\n{LoadOptions.Usage}");
    return 2;
}

var machine = string.Create(CultureInfo.InvariantCulture,
    $"{Environment.ProcessorCount} cores shared by server and load generator (and whatever else runs), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
await using var server = await ServerHost.StartAsync(serverDll, [.. options.ServerArguments, "--file-root", Path.GetFullPath(options.DataRoot)]);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    Timeout = TimeSpan.FromSeconds(30),
};
var (interactions, items) = (options.SyntheticItems ?? options.YoungItems) is int count
    ? SyntheticCatalogue.Write(Path.Combine(server.DataDirectory, "synthetic"), count, young: options.YoungItems is not null)
    : (Path.Combine(options.DataRoot, options.Dataset, "interactions.csv"), Path.Combine(options.DataRoot, options.Dataset, "items.csv"));

var setupStarted = DateTime.UtcNow;
var control = new ControlPlane(http, server.Endpoint);
var campaign = await CampaignSetup.CreateAsync(control, interactions, items);
var name = options switch
{
    { YoungItems: int young } => $"synthetic catalogue, {young:N0} items all created within two days",
    { SyntheticItems: int n } => $"synthetic catalogue, {n:N0} items",
    _ => options.Dataset,
};
Console.WriteLine($"{name}: campaign ACTIVE after {(DateTime.UtcNow - setupStarted).TotalSeconds:F0} s; {campaign.UserIds.Count} users, {campaign.Items} items");

if (options.YoungItems is not null)
{
    var (abSteps, abSummary) = await ExplorationAb.RunAsync(http, server, control, campaign, options);
    var abReport = new Report($"Exploration A/B on {name} (numResults 25, {options.FilterShare:P0} with a genre filter)", machine);
    abReport.AddAll(abSteps);
    Console.WriteLine(abSummary);
    abReport.Write(options.Results, abSummary);
    return 0;
}

var mix = new RequestMix(campaign, options.FilterShare);
var runner = new LoadRunner(http, server.Endpoint, mix);
var step = TimeSpan.FromSeconds(options.StepSeconds);
var serverArguments = options.ServerArguments.Count == 0 ? "" : $", server {string.Join(' ', options.ServerArguments)}";
var report = new Report($"GetRecommendations on {name} (numResults 25, {options.FilterShare:P0} with a genre filter{serverArguments})", machine);
await runner.ClosedLoopAsync(8, TimeSpan.FromSeconds(Math.Min(5, options.StepSeconds)));
var allocatedBefore = await ServerAllocations.ReadAsync(http, server.Endpoint);
var httpSteps = new List<StepResult>();
foreach (var connections in options.Concurrency)
{
    httpSteps.Add(await runner.ClosedLoopAsync(connections, step));
    report.Add(httpSteps[^1]);
}
foreach (var rate in options.Rates)
{
    httpSteps.Add(await runner.OpenLoopAsync(rate, step));
    report.Add(httpSteps[^1]);
}
var serverBytesPerRequest = (await ServerAllocations.ReadAsync(http, server.Endpoint) - allocatedBefore) / httpSteps.Sum(s => s.Completed + s.Failed);
Console.WriteLine($"server allocated {serverBytesPerRequest:N0} B/request over the HTTP steps");
var (engineSteps, stages) = await EngineProbe.RunAsync(server.DataDirectory, server.ObjectRoot, mix, Environment.ProcessorCount, 5_000);
report.AddAll(engineSteps);

var best = report.BestWithin(10);
var summary = best is null
    ? "No closed-loop step kept p99 within 10 ms."
    : string.Create(CultureInfo.InvariantCulture, $"Throughput at p99 ≤ 10 ms: {best.Throughput:N0} requests/s ({best.Step}, p99 {best.P99:F2} ms).");
Console.WriteLine(summary);
report.Write(options.Results, summary + $" The server allocated {serverBytesPerRequest:N0} B/request over the HTTP steps (its /metrics)." + "\n\nStages of an uncached request (a user's first; later ones reuse the cached scores and explanations), mean: "
    + string.Join("; ", stages) + ".");
return 0;
