using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Attune.Bench.Load;

/// <summary>The Attune server as a child process on a loopback port with a fresh data directory.</summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly Process _process;

    private ServerHost(Process process, string endpoint, string dataDirectory)
    {
        _process = process;
        Endpoint = endpoint;
        DataDirectory = dataDirectory;
    }

    public string Endpoint { get; }

    public string DataDirectory { get; }

    public string ObjectRoot => Path.Combine(DataDirectory, "objects");

    public int ProcessId => _process.Id;

    public static async Task<ServerHost> StartAsync(string serverDll, IReadOnlyList<string> extraArguments)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("attune-load-").FullName;
        var endpoint = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // The campaign's CSV files are imported by file:// location: from the data directory (synthetic catalogues)
        // and from whatever folders the caller adds with --file-root.
        foreach (var argument in new[] { serverDll, "--urls", endpoint, "--data-dir", dataDirectory, "--allow-file-imports", "--file-root", dataDirectory,
            "--silo-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new ServerHost(process, endpoint, dataDirectory);
        using var http = new HttpClient();
        for (var deadline = DateTime.UtcNow.AddMinutes(2); ; await Task.Delay(200))
        {
            try
            {
                if ((await http.GetAsync(new Uri(endpoint + "/health"))).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
