using System.Diagnostics;
using Attune.EndToEnd.Tests.Infrastructure;
using Npgsql;

namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test run: ATTUNE_TEST_POSTGRES when set (CI starts one), otherwise one started
/// with tools/postgres-test-server.sh for this run and stopped after it. Tests never skip for want of a database.
/// </summary>
public sealed class TestPostgres : IAsyncLifetime
{
    public const string Variable = "ATTUNE_TEST_POSTGRES";
    private string? _ownServerDirectory;

    public string ServerConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ServerConnectionString = configured;
            return;
        }
        _ownServerDirectory = Path.Combine(Path.GetTempPath(), $"attune-pg-{Guid.NewGuid():N}");
        ServerConnectionString = (await ScriptAsync("start", _ownServerDirectory)).Trim();
    }

    /// <summary>A new, empty database on the server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = $"attune_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownServerDirectory is not null)
        {
            await ScriptAsync("stop", _ownServerDirectory);
        }
    }

    /// <summary>Runs tools/postgres-test-server.sh <paramref name="verb"/> <paramref name="directory"/>; returns what it printed.</summary>
    internal static async Task<string> ScriptAsync(string verb, string directory)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "tools", "postgres-test-server.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("postgres-test-server.sh did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"tools/postgres-test-server.sh {verb} failed ({process.ExitCode}); set {Variable} to a server to use instead:\n{await stderr}");
        }
        return await stdout;
    }
}
