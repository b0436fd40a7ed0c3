using Npgsql;

namespace Attune.Server.Hosting;

/// <summary>
/// The one switch between embedded mode and cluster mode (keys <c>Attune:Cluster</c> and <c>Attune:Role</c>):
/// with a PostgreSQL connection string, Orleans membership, grain state and reminders live in that database;
/// without one, the process is a single embedded silo. Stores that follow the mode read <see cref="IsCluster"/>.
/// </summary>
public sealed class ClusterModeOptions
{
    /// <summary>The PostgreSQL connection string: Npgsql's key=value form or a postgres:// URI; null in embedded mode.</summary>
    public string? Cluster { get; set; }

    public ServerRole Role { get; set; } = ServerRole.Silo;

    public bool IsCluster => !string.IsNullOrWhiteSpace(Cluster);

    /// <summary><see cref="Cluster"/> in Npgsql's key=value form.</summary>
    public string ConnectionString => IsCluster
        ? ToNpgsqlConnectionString(Cluster!)
        : throw new InvalidOperationException("Embedded mode has no cluster connection string.");

    /// <summary>Reads the mode from the "Attune" section and refuses combinations that cannot run.</summary>
    public static ClusterModeOptions From(IConfiguration configuration)
    {
        var mode = configuration.GetSection(AttuneOptions.Section).Get<ClusterModeOptions>() ?? new ClusterModeOptions();
        if (mode.Role == ServerRole.Gateway && !mode.IsCluster)
        {
            throw new InvalidOperationException(
                "--role gateway needs --cluster \"<PostgreSQL connection string>\": a gateway finds the silos in the cluster's membership table.");
        }
        return mode;
    }

    /// <summary>Accepts postgres://user:password@host:port/database?key=value as well as Npgsql's own form.</summary>
    internal static string ToNpgsqlConnectionString(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }
        var uri = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        var database = uri.AbsolutePath.TrimStart('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(parts[0])] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        }
        return builder.ConnectionString;
    }
}
