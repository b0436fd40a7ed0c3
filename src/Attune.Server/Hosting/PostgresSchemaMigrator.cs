using System.Reflection;
using Attune.Storage.Postgres;
using Npgsql;

namespace Attune.Server.Hosting;

/// <summary>
/// Applies deploy/sql/*.sql (embedded in this assembly) to the cluster database in file-name order, all in one
/// transaction under an advisory lock, so silos that start together apply them once after another. The scripts
/// are idempotent, so every start applies all of them; waits for the database while it is not up yet.
/// </summary>
internal sealed partial class PostgresSchemaMigrator(ClusterModeOptions mode, ILogger<PostgresSchemaMigrator> logger) : IHostedService
{
    public const string ResourcePrefix = "Attune.Sql.";
    private const long MigrationLockKey = 0x4174_7475_6e65; // "Attune"
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DatabaseWait = TimeSpan.FromSeconds(60);

    /// <summary>The scripts in the order they are applied, as (file name, text).</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = LoadScripts();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + DatabaseWait;
        while (true)
        {
            try
            {
                await ApplyAsync(ConnectionPools.Migrations.ConnectionString(mode.ConnectionString), cancellationToken);
                LogApplied(logger, Scripts.Count);
                return;
            }
            catch (NpgsqlException error) when (error.IsTransient && DateTime.UtcNow < deadline)
            {
                LogWaiting(logger, error.Message);
                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies every script to the database of <paramref name="connectionString"/>.</summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLockKey})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (_, sql) in Scripts)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static List<(string Name, string Sql)> LoadScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var scripts = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add((resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }
        return scripts;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} PostgreSQL schema scripts for Orleans")]
    private static partial void LogApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the cluster database: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string reason);
}
