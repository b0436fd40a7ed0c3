using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>boto3's personalize-runtime client against campaigns of every recipe type (scripts/runtime.py).</summary>
[Collection(SharedServerCollection.Name)]
public sealed class RuntimeScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Runtime_serves_every_member_and_error_and_survives_a_campaign_update_under_load() =>
        shared.RunScenarioAsync("runtime.py", shared.Server.ObjectRoot);

    [Fact]
    public Task A_runtime_context_raises_the_items_of_its_device_and_is_explained() =>
        shared.RunScenarioAsync("context.py", shared.Server.ObjectRoot);

    [Fact]
    public Task Events_items_and_users_reach_the_next_recommendation_and_retraining() =>
        shared.RunScenarioAsync("live.py", shared.Server.ObjectRoot);
}
