using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>boto3 scenarios for the serving resources' control plane: filters, campaigns and event trackers.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class ControlPlaneScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Filters_are_checked_against_the_schemas_and_listed_under_Filters() =>
        shared.RunScenarioAsync("filters.py");

    [Fact]
    public Task Campaigns_deploy_versions_update_in_place_and_respect_delete_order() =>
        shared.RunScenarioAsync("campaigns.py", shared.Server.ObjectRoot);

    [Fact]
    public Task Event_trackers_are_one_per_group_with_a_tracking_id() =>
        shared.RunScenarioAsync("event_trackers.py");

    [Fact]
    public Task Items_and_users_are_put_with_json_properties_and_refused_with_restJson_errors() =>
        shared.RunScenarioAsync("entities.py");
}
