using System.Globalization;
using Attune.Bench.Load;
using Attune.Bench.Scaling;

var options = ScalingOptions.Parse(args);
if (options.Help)
{
    Console.WriteLine(ScalingOptions.Usage);
    return 0;
}
var root = options.Root ?? RepositoryRoot();
var server = options.Server ?? Path.Combine(root, "src", "Attune.Server", "bin", "Release", "net10.0", "Attune.Server.dll");
if (!File.Exists(server))
{
    Console.Error.WriteLine($"Build the server first (dotnet build -c Release src/Attune.Server): {server} is missing.\n{ScalingOptions.Usage}");
    return 2;
}
var machine = string.Create(CultureInfo.InvariantCulture,
    $"{Environment.ProcessorCount} cores shared by every silo, gateway, PostgreSQL and the load generator, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Console.WriteLine(machine);
if (options.SpreadItems is not null)
{
    await SpreadExperiment.RunAsync(options, root, server, machine);
    return 0;
}

await using var postgres = await BenchPostgres.StartAsync(root);
var dataDirectory = Directory.CreateTempSubdirectory("attune-scaling-").FullName;
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    Timeout = TimeSpan.FromSeconds(30),
};
var interactions = Path.Combine(options.DataRoot, options.Dataset, "interactions.csv");
var items = Path.Combine(options.DataRoot, options.Dataset, "items.csv");
BenchCampaign? campaign = null;
RequestMix? mix = null;
(Func<long, byte[]>? Body, string Reason) events = (null, "not measured");
var rows = new List<ScalingRow>();
try
{
    foreach (var silos in options.Silos)
    {
        // A cluster id per step: the processes of the last step were killed, and their membership rows stay behind.
        await using var nodes = await ClusterNodes.StartAsync(
            server, postgres.ConnectionString, dataDirectory, silos, options.Gateways, string.Create(CultureInfo.InvariantCulture, $"scaling-{silos}"));
        var loop = new ClosedLoop(http, nodes.Endpoints);
        if (campaign is null)
        {
            var started = DateTime.UtcNow;
            var control = new ControlPlane(http, nodes.Endpoints[0]);
            campaign = await CampaignSetup.CreateAsync(control, interactions, items);
            mix = new RequestMix(campaign, 0.2);
            events = await EventsProbe.PrepareAsync(control, loop, nodes.Endpoints[0], campaign);
            Console.WriteLine($"{options.Dataset}: campaign ACTIVE after {(DateTime.UtcNow - started).TotalSeconds:F0} s; PutEvents {events.Reason}");
        }
        var connections = options.ConnectionsPerFrontDoor * nodes.Endpoints.Count;
        var duration = TimeSpan.FromSeconds(options.Seconds);
        await loop.RunAsync("warm-up", "/recommendations", mix!.Body, connections, TimeSpan.FromSeconds(3));
        var recommendations = await loop.RunAsync("GetRecommendations", "/recommendations", mix.Body, connections, duration);
        var putEvents = events.Body is { } body ? await loop.RunAsync("PutEvents", "/events", body, connections, duration) : null;
        var row = new ScalingRow(silos, options.Gateways, connections, recommendations, putEvents);
        rows.Add(row);
        Console.WriteLine(ScalingReport.Row(row));
    }
}
finally
{
    Directory.Delete(dataDirectory, recursive: true);
}
ScalingReport.Write(options, machine, options.Dataset, events.Reason, rows);
Console.WriteLine($"Wrote {options.Results} and {options.Plot}");
return 0;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Attune.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Run the bench from inside the repository (no Attune.sln above the current directory), or name the folder holding tools/ with --root.");
}
