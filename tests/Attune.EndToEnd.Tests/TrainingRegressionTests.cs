using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// Bugs the training scenarios once found, kept as reproductions; each script's docstring holds the request and
/// what Personalize does.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class TrainingRegressionTests(SharedServer shared)
{
    [Fact]
    public Task An_active_version_reports_training_progress_100_done() =>
        shared.RunScenarioAsync("regression_active_progress_final.py", shared.Server.ObjectRoot);

    [Fact]
    public Task Hpo_tunes_only_within_the_requested_ranges() =>
        shared.RunScenarioAsync("regression_hpo_within_ranges.py", shared.Server.ObjectRoot);
}
