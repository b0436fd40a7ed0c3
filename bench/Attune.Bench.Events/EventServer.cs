using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Attune.Bench.Events;

/// <summary>The Attune server as a child process on a loopback port, which can be killed (-9) and restarted on the same data directory.</summary>
internal sealed class EventServer(string serverDll, string dataDirectory) : IAsyncDisposable
{
    private Process? _process;

    public string DataDirectory { get; } = dataDirectory;

    public string Endpoint { get; private set; } = string.Empty;

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The server is not running.");

    public async Task StartAsync()
    {
        Endpoint = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { serverDll, "--urls", Endpoint, "--data-dir", DataDirectory,
            "--silo-port", FreePort().ToString(CultureInfo.InvariantCulture), "--gateway-port", FreePort().ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("server: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        using var http = new HttpClient();
        for (var deadline = DateTime.UtcNow.AddMinutes(2); ; await Task.Delay(100))
        {
            try
            {
                if ((await http.GetAsync(new Uri(Endpoint + "/health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
        }
    }

    /// <summary>SIGKILL: the server gets no chance to flush anything.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
