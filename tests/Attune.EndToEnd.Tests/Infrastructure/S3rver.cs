using System.Diagnostics;
using System.Net.Sockets;

namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>
/// s3rver (npm), a real S3-compatible HTTP server, as a child process on a loopback port with one bucket, for the tests
/// of s3:// on S3 storage. It checks SigV4 signatures with its fixed credentials <see cref="AccessKey"/>/<see cref="Secret"/>.
/// </summary>
public sealed class S3rver : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string Secret = "S3RVER";

    private readonly Process _process;
    private readonly string _directory;

    private S3rver(Process process, string directory, int port, string bucket)
    {
        _process = process;
        _directory = directory;
        Endpoint = $"http://127.0.0.1:{port}";
        Bucket = bucket;
    }

    public string Endpoint { get; }

    public string Bucket { get; }

    public static async Task<S3rver> StartAsync(string bucket, CancellationToken cancellationToken)
    {
        await JsPackages.EnsureInstalledAsync(cancellationToken);
        var directory = Directory.CreateTempSubdirectory("attune-s3rver-").FullName;
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(JsPackages.Folder, "node_modules", "s3rver", "bin", "s3rver.js"), "-d", directory, "-a", "127.0.0.1",
            "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", bucket,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start s3rver.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3rver(process, directory, port, bucket);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, cancellationToken);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
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
        Directory.Delete(_directory, recursive: true);
    }
}
