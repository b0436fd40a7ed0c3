using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Attune.Bench.Scaling;

/// <summary>Silo and gateway processes of the server on this host, on one cluster database and one data directory.</summary>
internal sealed class ClusterNodes : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly Dictionary<string, Process> _byEndpoint = [];
    private IReadOnlyList<string> _settings = [];
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public List<string> Endpoints { get; } = [];

    /// <summary>
    /// Starts the silos (the first alone), then the gateways, each with the extra command-line <paramref name="settings"/>
    /// (e.g. --Attune:Serving:Shards 8) and <paramref name="environment"/> variables (e.g. a GC heap limit).
    /// </summary>
    public static async Task<ClusterNodes> StartAsync(
        string server, string connectionString, string dataDirectory, int silos, int gateways, string clusterId,
        IReadOnlyList<string>? settings = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var nodes = new ClusterNodes { _settings = settings ?? [], _environment = environment ?? new Dictionary<string, string>() };
        var roles = Enumerable.Repeat("silo", silos).Concat(Enumerable.Repeat("gateway", gateways)).ToList();
        // The first silo alone first: it applies the schema and founds the cluster, the others join it.
        await nodes.StartOneAsync(server, connectionString, dataDirectory, clusterId, roles[0], 1);
        await Task.WhenAll(roles.Skip(1).Select((role, i) => nodes.StartOneAsync(server, connectionString, dataDirectory, clusterId, role, i + 2)));
        return nodes;
    }

    /// <summary>The resident memory in bytes of the process behind <paramref name="endpoint"/>; null once it has exited.</summary>
    public long? ResidentBytes(string endpoint)
    {
        var process = _byEndpoint[endpoint];
        if (process.HasExited)
        {
            return null;
        }
        process.Refresh();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }

    private async Task StartOneAsync(
        string server, string connectionString, string dataDirectory, string clusterId, string role, int number)
    {
        var endpoint = $"http://127.0.0.1:{FreePort()}";
        // A framework-dependent build (Attune.Server.dll) runs under dotnet; a self-contained one is its own executable.
        var dll = server.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(dll ? "dotnet" : server) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] launch = dll ? [server] : [];
        foreach (var argument in launch.Concat(
        [
            "--urls", endpoint, "--data-dir", dataDirectory, "--cluster", connectionString, "--role", role, "--insecure",
            "--Orleans:ClusterId", clusterId, "--advertised-address", "127.0.0.1", "--silo-name", string.Create(CultureInfo.InvariantCulture, $"{role}-{number}"),
            "--silo-port", FreePort().ToString(CultureInfo.InvariantCulture),
            "--gateway-port", FreePort().ToString(CultureInfo.InvariantCulture),
        ]).Concat(_settings))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{server} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"{role}-{number}: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_processes)
        {
            _processes.Add(process);
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddMinutes(2); ; await Task.Delay(200))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{role}-{number} did not become healthy.");
            }
            try
            {
                if ((await http.GetAsync(new Uri(endpoint + "/health"))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
            }
        }
        lock (Endpoints)
        {
            Endpoints.Add(endpoint);
            _byEndpoint[endpoint] = process;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
