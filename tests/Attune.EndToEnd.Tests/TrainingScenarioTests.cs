using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>The boto3 scenarios for solutions, training, metrics and stopping, on the shared server.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class TrainingScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Solutions_are_validated_listed_by_group_updated_and_deleted_with_their_versions() =>
        shared.RunScenarioAsync("solutions.py", shared.Server.ObjectRoot);

    [Fact]
    public Task Every_recipe_trains_on_ml_latest_small_with_Personalize_metrics_HPO_AutoML_event_filters_and_minimum_data() =>
        shared.RunScenarioAsync("training.py", shared.Server.ObjectRoot, RepositoryPaths.Data);

    [Fact]
    public Task Pending_and_training_versions_stop_and_active_or_stopped_ones_refuse_to() =>
        shared.RunScenarioAsync("stopping.py", shared.Server.ObjectRoot);
}
