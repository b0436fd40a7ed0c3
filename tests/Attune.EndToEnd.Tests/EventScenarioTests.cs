using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>The boto3 PutEvents scenario; it checks what was stored in the group's SQLite file under the data directory.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class EventScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Events_store_every_member_once_merge_sessions_and_are_refused_with_the_member_named() =>
        shared.RunScenarioAsync("events.py", shared.Server.DataDirectory);
}
