using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>Domain dataset groups and their recommenders, driven by boto3 (scripts/recommenders.py).</summary>
[Collection(SharedServerCollection.Name)]
public sealed class RecommenderScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Ecommerce_recommenders_train_serve_stop_start_update_and_delete() =>
        shared.RunScenarioAsync("recommenders.py", shared.Server.ObjectRoot);
}
