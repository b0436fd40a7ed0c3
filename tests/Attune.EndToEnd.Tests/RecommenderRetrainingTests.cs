using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// Recommenders retrain every <c>Attune:AutoTraining:RecommenderRetraining</c> (Personalize: 7 days), shortened here to
/// 3 seconds so the scenario sees a new model served and a stopped recommender left alone.
/// </summary>
public sealed class RecommenderRetrainingTests
{
    [Fact]
    public async Task An_active_recommender_retrains_on_schedule_and_a_stopped_one_does_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess(null,
            ["--Attune:AutoTraining:CheckInterval", "00:00:00.500", "--Attune:AutoTraining:RecommenderRetraining", "00:00:03"]);
        await server.StartAsync(ct);

        var result = await ExternalCommand.PythonAsync("recommender_retraining.py", server.Endpoint, ct, server.ObjectRoot);

        Assert.True(result.ExitCode == 0, $"recommender_retraining.py failed:\n{result}\n--- server output\n{server.Output}");
    }
}
