using Attune.Bench.Events;
using Attune.Bench.Load;

var options = EventOptions.Parse(args);
if (options.Store is not null)
{
    return await StoreLoad.RunAsync(options);
}

if (!File.Exists(options.ServerDll))
{
    Console.Error.WriteLine($"Build the server first (dotnet build -c Release src/Attune.Server): {options.ServerDll} is missing.\n{EventOptions.Usage}");
    return 2;
}

var dataDirectory = Directory.CreateTempSubdirectory("attune-events-").FullName;
try
{
    await using var server = new EventServer(options.ServerDll, dataDirectory);
    await server.StartAsync();
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { Timeout = TimeSpan.FromSeconds(30) };
    var (groupArn, trackingId) = await EventSetup.CreateAsync(new ControlPlane(http, server.Endpoint), "bench-events");
    var load = new EventLoad(http, () => server.Endpoint, trackingId);
    var report = new EventReport(options);

    // (a) ingestion: sustained durable PutEvents, closed loop (after a warm-up that (d) alone shares).
    await load.RunAsync(8, 10, TimeSpan.FromSeconds(2), uniqueItems: false, CancellationToken.None);
    if (options.UsersOnly)
    {
        await RunUsersAsync(http, server, load, report, options);
        report.WriteUsersSection();
        return 0;
    }

    foreach (var batch in options.BatchSizes)
    {
        foreach (var connections in options.Connections)
        {
            var step = await load.RunAsync(connections, batch, TimeSpan.FromSeconds(options.Seconds), uniqueItems: false, CancellationToken.None);
            Console.WriteLine(EventReport.Line(step));
            report.Add(step);
        }
    }

    // Reference: the HTTP pipeline alone (the same batch-of-1 requests refused by validation, no store work).
    foreach (var connections in options.Connections.Where(c => c > 1))
    {
        var step = await load.RunAsync(connections, 1, TimeSpan.FromSeconds(options.Seconds), uniqueItems: false, CancellationToken.None, refused: true);
        Console.WriteLine("refused by validation, " + EventReport.Line(step));
        report.AddReference(step);
    }

    // (b) freshness under background PutEvents load.
    foreach (var freshness in await Freshness.RunAsync(http, server, new ControlPlane(http, server.Endpoint), groupArn, trackingId, load, options.FreshnessSamples))
    {
        Console.WriteLine(EventReport.Line(freshness));
        report.Add(freshness);
    }

    // (d) many distinct users: every request of the large pool comes from a user new to the server.
    await RunUsersAsync(http, server, load, report, options);

    // (c) kill -9 during load, restart, every acknowledged event looked up.
    var crash = await CrashCheck.RunAsync(server, load, groupArn, options.CrashConnections, TimeSpan.FromSeconds(options.KillAfterSeconds));
    Console.WriteLine(report.Line(crash));
    report.Write(crash);
    return crash.MissingFromStore == 0 && crash.MissingFromHistory == 0 ? 0 : 1;
}
finally
{
    Directory.Delete(dataDirectory, recursive: true);
}

static async Task RunUsersAsync(HttpClient http, EventServer server, EventLoad load, EventReport report, EventOptions options)
{
    foreach (var users in await UserPools.RunAsync(http, server, load, options))
    {
        Console.WriteLine(EventReport.Line(users));
        report.Add(users);
    }
}
