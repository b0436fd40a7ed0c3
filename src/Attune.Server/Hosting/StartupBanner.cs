using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Attune.Server.Auth;
using Npgsql;

namespace Attune.Server.Hosting;

/// <summary>
/// Once the server listens, writes one block to standard output: version, mode and role, the URLs, the data
/// directory and the object root. Written to the console directly, not through the log, so no log level hides it.
/// </summary>
internal static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app, AttuneOptions attune, ClusterModeOptions mode) =>
        app.Lifetime.ApplicationStarted.Register(() => Console.Out.WriteLine(Text(app, attune, mode)));

    private static string Text(WebApplication app, AttuneOptions attune, ClusterModeOptions mode)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var role = mode.Role.ToString().ToLowerInvariant();
        var lines = new List<string>
        {
            $"Attune {ServerVersion.Text}",
            mode.IsCluster ? $"  mode:        cluster, role {role} (PostgreSQL {Database(mode)})" : "  mode:        embedded (one process; SQLite files under the data directory)",
            $"  listening:   {string.Join(", ", addresses)}   (Personalize, Personalize Runtime and Events APIs; /health/live, /health/ready, /metrics)",
            mode.IsCluster
                ? $"  data dir:    {attune.FullDataDir} (resource registry, datasets and models live in PostgreSQL)"
                : $"  data dir:    {attune.FullDataDir}",
            $"  object root: {attune.FullObjectRoot}   (s3://bucket/key is read from <object root>/bucket/key)",
            Auth(app.Services.GetRequiredService<AuthDecision>()),
            "  Ctrl+C stops the server.",
        };
        return string.Join(Environment.NewLine, lines);
    }

    private static string Auth(AuthDecision decision) => decision.Mode == AuthMode.SigV4
        ? $"  auth:        sigv4 ({decision.Reason}): requests must be signed by a key of --access-keys or `keys create`"
        : $"  auth:        none ({decision.Reason}): any credentials, every request acts in --account-id";

    /// <summary>Host, port and database of the cluster's connection string; never the password.</summary>
    private static string Database(ClusterModeOptions mode)
    {
        var builder = new NpgsqlConnectionStringBuilder(mode.ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
