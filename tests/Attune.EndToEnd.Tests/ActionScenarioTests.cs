using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// scripts/actions.py: Actions and Action_Interactions imports, PutActions, an aws-next-best-action campaign,
/// GetActionRecommendations changing after PutActionInteractions, expiration, repeat frequency, ActionID filters, errors.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class ActionScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Next_best_action_trains_serves_and_follows_action_interactions() =>
        shared.RunScenarioAsync("actions.py", shared.Server.ObjectRoot);
}
