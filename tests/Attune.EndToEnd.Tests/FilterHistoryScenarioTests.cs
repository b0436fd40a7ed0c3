using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// scripts/filter_history.py: an EXCLUDE of rated items against a heavy user, with a rating whose item is named only
/// in PutEvents properties; the whole history by default, Personalize's newest-100 window when configured.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class FilterHistoryScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Interactions_filters_exclude_every_rated_item_of_a_heavy_user() =>
        shared.RunScenarioAsync("filter_history.py", shared.Server.ObjectRoot, "whole");

    [Fact]
    public async Task The_cap_setting_restores_Personalizes_newest_100_window()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess(null, ["--Attune:Serving:InteractionsPerEventTypeCap", "100"]);
        await server.StartAsync(ct);

        var result = await ExternalCommand.PythonAsync("filter_history.py", server.Endpoint, ct, server.ObjectRoot, "100");

        Assert.True(result.ExitCode == 0, $"filter_history.py failed:\n{result}\n--- server output\n{server.Output}");
    }
}
