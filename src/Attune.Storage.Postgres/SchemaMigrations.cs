using System.Reflection;
using Npgsql;

namespace Attune.Storage.Postgres;

/// <summary>
/// Applies Attune's DDL (deploy/sql/1xx-attune-*.sql, embedded) in file-name order. Every script is idempotent, so
/// each start applies all of them; an advisory lock keeps silos starting together from racing on CREATE ... IF NOT EXISTS.
/// </summary>
public static class SchemaMigrations
{
    private const long MigrationLock = 0x61747475_6e65_0001;

    /// <summary>The embedded script names, in the order they are applied.</summary>
    public static IReadOnlyList<string> Scripts { get; } = typeof(SchemaMigrations).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith("sql/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Applies every script in one transaction (runs at startup, before anything else touches the tables).</summary>
    public static void Apply(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        foreach (var script in Scripts)
        {
            Sql.Execute(connection, Read(script));
        }

        transaction.Commit();
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
