namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own (tools/postgres-test-server.sh), for a test that stops it: the shared
/// <see cref="TestPostgres"/> serves every other test at the same time.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"attune-pg-{Guid.NewGuid():N}");
    private bool _stopped;

    private PrivatePostgres()
    {
    }

    /// <summary>The server's own "postgres" database, which the cluster uses.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        server.ConnectionString = (await TestPostgres.ScriptAsync("start", server._directory)).Trim();
        return server;
    }

    /// <summary>Stops the server at once (pg_ctl -m immediate, as a crash would) and removes its files.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await TestPostgres.ScriptAsync("stop", _directory);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
