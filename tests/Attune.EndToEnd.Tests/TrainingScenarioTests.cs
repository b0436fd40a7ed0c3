using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>The boto3 scenarios for solutions, training, metrics and stopping, on the shared server.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class TrainingScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Solutions_are_validated_listed_by_group_updated_and_deleted_with_their_versions() =>
        shared.RunScenarioAsync("solutions.py", shared.Server.ObjectRoot);
}
