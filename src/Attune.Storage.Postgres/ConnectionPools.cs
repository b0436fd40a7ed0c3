using System.Data.Common;
using Npgsql;

namespace Attune.Storage.Postgres;

/// <summary>
/// Each process keeps one Npgsql pool per part (Attune's stores, and Orleans' grain state, membership and reminders),
/// each bounded: unbounded, a burst of grain activations or requests grows every pool to Npgsql's 100 connections and a
/// few silos take every connection the server allows (PostgreSQL's default max_connections is 100). A pool that is
/// full makes callers wait for a connection instead. Each pool's Application Name names its part, which keeps the pools
/// apart (Npgsql pools by connection string) and shows in pg_stat_activity who holds a connection.
/// </summary>
public static class ConnectionPools
{
    /// <summary>
    /// Attune's registry, dataset stores, event logs and artifacts. Imports (at most 8 at once per process, see ImportGates)
    /// and model reads and writes hold a connection for their whole run; requests hold one for a statement or two.
    /// </summary>
    public static readonly ConnectionPool Stores = new("stores", 32);

    /// <summary>Orleans' grain state: every activation of a persistent grain reads its row.</summary>
    public static readonly ConnectionPool GrainState = new("grain state", 10);

    /// <summary>Orleans' membership table (silos and gateways).</summary>
    public static readonly ConnectionPool Membership = new("membership", 4);

    /// <summary>Orleans' reminders.</summary>
    public static readonly ConnectionPool Reminders = new("reminders", 2);

    /// <summary>The schema migration a silo runs once at start: not pooled, so it keeps no connection afterwards.</summary>
    public static readonly ConnectionPool Migrations = new("migrations", 1) { Pooled = false };
}

/// <param name="Part">Names the pool in its Application Name.</param>
/// <param name="DefaultMaxSize">The pool's size unless the operator's connection string sets Maximum Pool Size.</param>
public sealed record ConnectionPool(string Part, int DefaultMaxSize)
{
    private const string MaxPoolSizeKey = "Maximum Pool Size";

    /// <summary>False for one-off work whose connection should close when it is done.</summary>
    public bool Pooled { get; init; } = true;

    /// <summary>
    /// <paramref name="connectionString"/> for this pool: its Maximum Pool Size when the string sets none (a size the
    /// operator set applies to every pool), and the operator's Application Name, or "attune", followed by the part.
    /// </summary>
    public string ConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!SetsMaxPoolSize(builder))
        {
            builder.MaxPoolSize = DefaultMaxSize;
        }
        builder.ApplicationName = $"{(string.IsNullOrEmpty(builder.ApplicationName) ? "attune" : builder.ApplicationName)} ({Part})";
        if (!Pooled)
        {
            builder.Pooling = false;
        }
        return builder.ConnectionString;
    }

    /// <summary>Npgsql writes only the keys that were set, by their canonical names, whatever synonym the operator used.</summary>
    private static bool SetsMaxPoolSize(NpgsqlConnectionStringBuilder builder) =>
        new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString }.ContainsKey(MaxPoolSizeKey);
}
