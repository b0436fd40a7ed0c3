using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// The README's quickstart exactly as written: the server started with no arguments, then `python3
/// samples/quickstart.py`, both from a folder laid out like the repository root (data/ and samples/).
/// </summary>
public sealed class QuickstartTests : IAsyncLifetime
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("attune-quickstart-");
    private ServerProcess? _server;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "data"), RepositoryPaths.Data);
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "samples"), Path.Combine(RepositoryPaths.Root, "samples"));
        _server = ServerProcess.AsTheReadmeRunsIt(_root.FullName);
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_quickstart_imports_trains_recommends_with_explanations_and_follows_live_events()
    {
        var result = await ExternalCommand.RunAsync(
            "python3", ["samples/quickstart.py"], TestContext.Current.CancellationToken, TimeSpan.FromMinutes(4), _root.FullName);

        Assert.True(result.ExitCode == 0, $"{result}\n--- server\n{_server!.Output}");
        Assert.Contains("recommendations for user 1", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(": history, because of ", result.StandardOutput, StringComparison.Ordinal); // the explanation
        Assert.Contains("the events changed the very next recommendation", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root.FullName, "attune-data", "objects", "quickstart", "interactions.csv")));
        Assert.Empty(RecommendedToUser1(result.StandardOutput).Intersect(RatedByUser1())); // the filter reads the whole history
    }

    /// <summary>The item ids of the five lines under "recommendations for user 1".</summary>
    private static IEnumerable<string> RecommendedToUser1(string output) => output.Split('\n')
        .SkipWhile(line => !line.StartsWith("recommendations for user 1", StringComparison.Ordinal)).Skip(1).Take(5)
        .Select(line => line.Trim().Split(' ')[0]);

    private static IEnumerable<string> RatedByUser1() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Data, "ml-latest-small", "interactions.csv"))
            .Select(line => line.Split(',')).Where(row => row[0] == "1").Select(row => row[1]);

    [Fact]
    public void The_server_says_where_it_listens_and_keeps_its_data_in_the_folder_it_was_run_from()
    {
        var output = _server!.Output;

        Assert.Contains("Attune 0.", output, StringComparison.Ordinal);
        Assert.Contains("mode:        embedded", output, StringComparison.Ordinal);
        Assert.Contains("listening:   http://127.0.0.1:5080", output, StringComparison.Ordinal);
        Assert.Contains($"data dir:    {Path.Combine(_root.FullName, "attune-data")}", output, StringComparison.Ordinal);
        Assert.Contains($"object root: {Path.Combine(_root.FullName, "attune-data", "objects")}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root.FullName, "attune-data", "catalog.db")), output);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _root.Delete(recursive: true);
    }
}
