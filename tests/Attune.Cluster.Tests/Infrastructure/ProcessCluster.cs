using System.Globalization;
using System.Text;
using Attune.EndToEnd.Tests.Infrastructure;
using Npgsql;

namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>
/// Processes of the real server in cluster mode against one fresh database, on loopback ports, sharing one data
/// directory (the SQLite registry works across processes on one host). Membership timings are short, so the
/// survivors declare a killed silo dead within seconds instead of about a minute.
/// </summary>
public sealed class ProcessCluster(string connectionString, params IReadOnlyList<string> settings) : IAsyncDisposable
{
    private static readonly string[] FastMembership =
    [
        "--Orleans:Membership:ProbeTimeout=00:00:01",
        "--Orleans:Membership:NumMissedProbesLimit=2",
        "--Orleans:Membership:NumVotesForDeathDeclaration=1",
        "--Orleans:Membership:DeathVoteExpirationTimeout=00:00:10",
        "--Orleans:Membership:IAmAliveTablePublishTimeout=00:00:05",
        "--Orleans:Membership:TableRefreshTimeout=00:00:02",
    ];

    private readonly List<(string Name, ServerProcess Process)> _nodes = [];

    public string ConnectionString { get; } = connectionString;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("attune-cluster-").FullName;

    /// <summary>Starts <paramref name="count"/> silos at once and returns them when all answer /health.</summary>
    public async Task<ServerProcess[]> StartSilosAsync(int count, CancellationToken cancellationToken) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => StartAsync("silo", cancellationToken)));

    public Task<ServerProcess> StartAsync(string role, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{role}-{_nodes.Count + 1}");
        var node = new ServerProcess(DataDirectory,
        [
            "--cluster", ConnectionString, "--role", role, "--advertised-address", "127.0.0.1", "--silo-name", name,
            "--insecure", // the tests' RestClient does not sign; sigv4 is tested end to end (SecurityScenarioTests)
            .. FastMembership,
            .. settings,
        ]);
        _nodes.Add((name, node));
        return StartedAsync(node, cancellationToken);
    }

    /// <summary>How many silos the membership table lists as active.</summary>
    public async Task<int> ActiveSilosAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*)::integer FROM OrleansMembershipTable WHERE Status = 3", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every node's output, for failure messages.</summary>
    public string Output()
    {
        var text = new StringBuilder();
        foreach (var (name, node) in _nodes)
        {
            text.Append("--- ").AppendLine(name).AppendLine(node.Output);
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, node) in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private static async Task<ServerProcess> StartedAsync(ServerProcess node, CancellationToken cancellationToken)
    {
        await node.StartAsync(cancellationToken);
        return node;
    }
}
