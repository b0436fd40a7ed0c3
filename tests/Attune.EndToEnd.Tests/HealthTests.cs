using System.Net;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>/health/live, /health/ready and /health of an embedded server, healthy and with a broken store.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_started_server_is_live_and_ready_with_its_catalog_datasets_and_silo_checked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);

        var live = await HealthAnswer.GetAsync(server.Endpoint, "/health/live", ct);
        Assert.Equal((HttpStatusCode.OK, "{\"status\":\"healthy\"}"), (live.Code, live.Body));
        foreach (var path in (string[])["/health/ready", "/health"])
        {
            var ready = await HealthAnswer.GetAsync(server.Endpoint, path, ct);
            Assert.True(ready.Code == HttpStatusCode.OK && ready.Status == "healthy", $"{path}: {ready}");
            Assert.Equal(new Dictionary<string, string> { ["catalog"] = "healthy", ["datasets"] = "healthy", ["orleans"] = "healthy" }, ready.Checks);
        }
    }

    [Fact]
    public async Task Removing_the_catalog_file_makes_the_server_unready_naming_the_catalog_but_still_live()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);

        foreach (var file in Directory.GetFiles(server.DataDirectory, "catalog.db*"))
        {
            File.Delete(file);
        }

        await AssertUnreadyAsync(server, "catalog", ct);
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "catalog.db")), "the check must not create an empty catalog");
    }

    [Fact]
    public async Task A_dataset_folder_that_takes_no_files_makes_the_server_unready_naming_the_datasets()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);

        // A file where the folder of the dataset groups' databases belongs: no group could be created or imported.
        var datasets = Path.Combine(server.DataDirectory, "datasets");
        if (Directory.Exists(datasets))
        {
            Directory.Delete(datasets, recursive: true);
        }
        await File.WriteAllTextAsync(datasets, "not a folder", ct);

        await AssertUnreadyAsync(server, "datasets", ct);
    }

    private static async Task AssertUnreadyAsync(ServerProcess server, string failing, CancellationToken ct)
    {
        foreach (var path in (string[])["/health/ready", "/health"])
        {
            var ready = await HealthAnswer.GetAsync(server.Endpoint, path, ct);
            Assert.True(ready.Code == HttpStatusCode.ServiceUnavailable && ready.Status == "unhealthy", $"{path}: {ready}");
            Assert.True(ready.Checks[failing] == "unhealthy", $"{path} does not name {failing}: {ready.Body}");
            Assert.All(ready.Checks.Where(c => c.Key != failing), c => Assert.Equal("healthy", c.Value));
        }
        var live = await HealthAnswer.GetAsync(server.Endpoint, "/health/live", ct);
        Assert.Equal(HttpStatusCode.OK, live.Code);
    }
}
