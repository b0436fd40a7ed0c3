using System.Diagnostics;
using System.Text;

namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real Attune server as a child process on loopback ports, with its own data directory. Kill() is a
/// kill -9 (no shutdown hooks run); StartAsync again reuses the same data directory, as a restart would.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly IReadOnlyList<string> _extraArguments;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string? _workingDirectory;
    private readonly SelfSignedCertificate? _https;
    private Process? _process;

    /// <param name="dataDirectory">The data directory; a new temp directory by default.</param>
    /// <param name="extraArguments">Further command-line arguments (the cluster tests' --cluster, --role, ...); "{port}" in one becomes <see cref="Port"/>.</param>
    /// <param name="https">
    /// Serve HTTPS with this certificate instead of HTTP, configured as the README says: a Kestrel endpoint with the
    /// certificate's PEM files.
    /// </param>
    /// <param name="environment">Variables for the process (e.g. the AWS credentials of an S3-compatible store).</param>
    public ServerProcess(string? dataDirectory = null, IReadOnlyList<string>? extraArguments = null, SelfSignedCertificate? https = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("attune-e2e-").FullName;
        Port = FreePorts.Next();
        _extraArguments = extraArguments ?? [];
        _environment = environment ?? new Dictionary<string, string>();
        _https = https;
    }

    private ServerProcess(string workingDirectory)
    {
        _workingDirectory = workingDirectory;
        DataDirectory = Path.Combine(workingDirectory, "attune-data");
        Port = 5080;
        _extraArguments = [];
        _environment = new Dictionary<string, string>();
    }

    /// <summary>
    /// The server as the README starts it: no arguments at all (so port 5080, silo ports 11111 and 30000, data in
    /// ./attune-data), run from <paramref name="workingDirectory"/>. Only one such server can run on a host.
    /// </summary>
    public static ServerProcess AsTheReadmeRunsIt(string workingDirectory) => new(workingDirectory);

    public string DataDirectory { get; }

    public string ObjectRoot => Path.Combine(DataDirectory, "objects");

    public int Port { get; }

    public string Endpoint => $"{(_https is null ? "http" : "https")}://127.0.0.1:{Port}";

    /// <summary>Everything the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workingDirectory ?? string.Empty,
        };
        string[] listen = _https is null ? ["--urls", Endpoint] :
        [
            "--Kestrel:Endpoints:Https:Url", Endpoint,
            "--Kestrel:Endpoints:Https:Certificate:Path", _https.CertificatePath,
            "--Kestrel:Endpoints:Https:Certificate:KeyPath", _https.KeyPath,
        ];
        string[] options = _workingDirectory is not null ? [] :
        [
            .. listen, "--data-dir", DataDirectory,
            "--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(),
            .. _extraArguments.Select(a => a.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)),
        ];
        foreach (var argument in (string[])[RepositoryPaths.ServerAssembly, .. options])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitHealthyAsync(cancellationToken);
    }

    /// <summary>SIGKILL: the process gets no chance to flush or clean up.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(_https?.TrustingHandler() ?? new HttpClientHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri($"{Endpoint}/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"The server did not become healthy within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
