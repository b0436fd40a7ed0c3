using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Attune.Storage.Postgres.Tests;

/// <summary>
/// The PostgreSQL server the tests use: ATTUNE_TEST_POSTGRES (an Npgsql connection string) when set, otherwise a
/// throwaway cluster (initdb into a temp dir, trust auth, fsync off, a free loopback port) started on first use and
/// stopped by <see cref="PostgresServerLifetime"/> when the test run ends. Never skips: no server, no green run.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "ATTUNE_TEST_POSTGRES";
    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private static readonly Lazy<PostgresServer> SharedServer = new(Start);
    private readonly string? _directory;

    private PostgresServer(string connectionString, string? directory)
    {
        ConnectionString = connectionString;
        _directory = directory;
    }

    public static PostgresServer Shared => SharedServer.Value;

    public static bool Started => SharedServer.IsValueCreated;

    /// <summary>An administrative connection string (its database is the server's default one).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a fresh, empty database and returns a connection string for it.</summary>
    public string CreateDatabase()
    {
        var name = $"attune_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    public void Stop()
    {
        if (_directory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        Run("pg_ctl", $"-D {_directory}/data -m immediate -w stop");
        Directory.Delete(_directory, recursive: true);
    }

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return new PostgresServer(configured, null);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"attune-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (Environment.IsPrivilegedProcess)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user.
            RunProcess("chown", $"postgres:postgres {directory}");
        }

        var port = FreePort();
        Run("initdb", $"-D {directory}/data -U postgres --auth=trust -E UTF8 --no-sync --no-instructions");
        Run("pg_ctl", $"-D {directory}/data -l {directory}/server.log -w -t 60 start " +
            $"-o \"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"");
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", directory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string tool, string arguments)
    {
        var path = Path.Combine(Binaries, tool);
        if (Environment.IsPrivilegedProcess)
        {
            RunProcess("runuser", $"-u postgres -- {path} {arguments}");
        }
        else
        {
            RunProcess(path, arguments);
        }
    }

    private static void RunProcess(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {error}{output.Result}");
        }
    }
}

/// <summary>Stops the throwaway server, if one was started, when the test assembly is done.</summary>
public sealed class PostgresServerLifetime : IDisposable
{
    public void Dispose()
    {
        if (PostgresServer.Started)
        {
            PostgresServer.Shared.Stop();
        }
    }
}
