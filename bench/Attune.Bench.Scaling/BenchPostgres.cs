using System.Diagnostics;

namespace Attune.Bench.Scaling;

/// <summary>A throwaway PostgreSQL started with tools/postgres-test-server.sh and stopped (and deleted) at the end.</summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _directory;

    private BenchPostgres(string script, string directory, string connectionString)
    {
        _script = script;
        _directory = directory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchPostgres> StartAsync(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "tools", "postgres-test-server.sh");
        var directory = Path.Combine(Path.GetTempPath(), $"attune-bench-pg-{Guid.NewGuid():N}");
        var connection = (await RunAsync(script, "start", directory)).Trim();
        return new BenchPostgres(script, directory, connection);
    }

    public async ValueTask DisposeAsync() => await RunAsync(_script, "stop", _directory);

    private static async Task<string> RunAsync(string script, string verb, string directory)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{script} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{script} {verb} failed ({process.ExitCode}).");
    }
}
