using System.Net;
using System.Net.Sockets;

namespace Attune.Bench.InProcess;

/// <summary>
/// The Attune server run by its own entry point on a thread of this process, with a fresh data directory: every
/// byte a request allocates in Kestrel, the pipeline, the grains and the engine is this process's.
/// </summary>
internal sealed class InProcessServer
{
    private InProcessServer(int port, string dataDirectory)
    {
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public string DataDirectory { get; }

    public string ObjectRoot => Path.Combine(DataDirectory, "objects");

    public static async Task<InProcessServer> StartAsync()
    {
        var server = new InProcessServer(FreePort(), Directory.CreateTempSubdirectory("attune-inprocess-").FullName);
        string[] args =
        [
            "--urls", server.Endpoint, "--data-dir", server.DataDirectory,
            "--silo-port", Text(FreePort()), "--gateway-port", Text(FreePort()), "--Serilog:MinimumLevel:Default", "Warning",
        ];
        var entryPoint = System.Reflection.Assembly.Load("Attune.Server").EntryPoint
            ?? throw new InvalidOperationException("Attune.Server has no entry point.");
        new Thread(() => entryPoint.Invoke(null, [args])) { IsBackground = true, Name = "attune-server" }.Start();
        using var http = new HttpClient();
        for (var deadline = DateTime.UtcNow.AddMinutes(2); ; await Task.Delay(200))
        {
            try
            {
                if ((await http.GetAsync(new Uri(server.Endpoint + "/health"))).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
