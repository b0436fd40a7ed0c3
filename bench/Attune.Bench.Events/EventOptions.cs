using System.Globalization;

namespace Attune.Bench.Events;

/// <summary>Command line of the events benchmark.</summary>
internal sealed record EventOptions(
    string ServerDll, int[] Connections, int[] BatchSizes, double Seconds, int CrashConnections, double KillAfterSeconds, string Results,
    string? Store = null, string? Postgres = null, int FreshnessSamples = 300)
{
    /// <summary>(d): the user pools PutEvents load is drawn from in turn, in this order; the smallest is the hot-user reference (a pool larger than the requests sent: every request a new user).</summary>
    public int[] UserPools { get; init; } = [100, 1_000_000];

    public int UserConnections { get; init; } = 32;

    /// <summary>Runs (d) alone.</summary>
    public bool UsersOnly { get; init; }

    public const string Usage =
        "usage: Attune.Bench.Events [--server DLL] [--connections 1,16,64] [--batches 1,10] [--seconds 10] " +
        "[--crash-connections 16] [--kill-after 3] [--freshness-samples 300] [--user-pools 100,1000000] [--user-connections 32] " +
        "[--only users] [--out bench/results/events.md]\n" +
        "       Attune.Bench.Events --store sqlite|postgres [--postgres NPGSQL_CONNECTION_STRING] [--connections 16] [--batches 10] [--seconds 10]";

    public static EventOptions Parse(string[] args)
    {
        var options = new EventOptions(
            Path.GetFullPath("src/Attune.Server/bin/Release/net10.0/Attune.Server.dll"), [1, 16, 64], [1, 10], 10, 16, 3, "bench/results/events.md");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--server" => options with { ServerDll = Path.GetFullPath(value) },
                "--connections" => options with { Connections = Integers(value) },
                "--batches" => options with { BatchSizes = Integers(value) },
                "--seconds" => options with { Seconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--crash-connections" => options with { CrashConnections = int.Parse(value, CultureInfo.InvariantCulture) },
                "--kill-after" => options with { KillAfterSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => options with { Results = value },
                "--freshness-samples" => options with { FreshnessSamples = int.Parse(value, CultureInfo.InvariantCulture) },
                "--user-pools" => options with { UserPools = Integers(value) },
                "--user-connections" => options with { UserConnections = int.Parse(value, CultureInfo.InvariantCulture) },
                "--only" when value == "users" => options with { UsersOnly = true },
                "--store" when value is "sqlite" or "postgres" => options with { Store = value },
                "--postgres" => options with { Postgres = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        return options.Store == "postgres" && options.Postgres is null
            ? throw new ArgumentException($"--store postgres needs --postgres CONNECTION_STRING.\n{Usage}")
            : options;
    }

    private static int[] Integers(string list) => [.. list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
