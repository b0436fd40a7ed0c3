using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Attune.Bench.Scaling;

/// <summary>Silo and gateway processes of the server on this host, on one cluster database and one data directory.</summary>
internal sealed class ClusterNodes : IAsyncDisposable
{
    private readonly List<Process> _processes = [];

    public List<string> Endpoints { get; } = [];

    public static async Task<ClusterNodes> StartAsync(
        string serverDll, string connectionString, string dataDirectory, int silos, int gateways, string clusterId)
    {
        var nodes = new ClusterNodes();
        var roles = Enumerable.Repeat("silo", silos).Concat(Enumerable.Repeat("gateway", gateways)).ToList();
        // The first silo alone first: it applies the schema and founds the cluster, the others join it.
        await nodes.StartOneAsync(serverDll, connectionString, dataDirectory, clusterId, roles[0], 1);
        await Task.WhenAll(roles.Skip(1).Select((role, i) => nodes.StartOneAsync(serverDll, connectionString, dataDirectory, clusterId, role, i + 2)));
        return nodes;
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
        string serverDll, string connectionString, string dataDirectory, string clusterId, string role, int number)
    {
        var endpoint = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            serverDll, "--urls", endpoint, "--data-dir", dataDirectory, "--cluster", connectionString, "--role", role,
            "--Orleans:ClusterId", clusterId, "--advertised-address", "127.0.0.1", "--silo-name", string.Create(CultureInfo.InvariantCulture, $"{role}-{number}"),
            "--silo-port", FreePort().ToString(CultureInfo.InvariantCulture),
            "--gateway-port", FreePort().ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
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
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
