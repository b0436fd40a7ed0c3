using Attune.Grains.Lifecycle;
using Attune.Storage.Resources;
using Attune.Storage.Events;
using Attune.Storage.Sqlite;

namespace Attune.Grains.Tests.Lifecycle;

public sealed class DatasetGroupActivationTests : IDisposable
{
    private const string GroupArn = "arn:aws:personalize:us-east-1:000000000000:dataset-group/reused";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_group_created_under_a_deleted_groups_arn_does_not_inherit_events_that_reached_the_old_one()
    {
        var datasets = new SqliteDatasetStores(_folder.Path);
        await using var logs = SqliteEventLogs.Open(_folder.Path);
        // A late event of the deleted group, through a tracker still cached, recreated its storage.
        await logs.For(GroupArn).AppendAsync(TestEvents.Interactions, TestEvents.Click("user", "ghost"));
        Assert.Single(ReadEvents(datasets));

        await new DatasetGroupActivation(logs, datasets).ActivateAsync(Group(), TestContext.Current.CancellationToken);

        Assert.Empty(ReadEvents(datasets));
        await logs.For(GroupArn).AppendAsync(TestEvents.Interactions, TestEvents.Click("user", "fresh"));
        Assert.Equal(["fresh"], ReadEvents(datasets).Select(e => e.ItemId));
    }

    public void Dispose() => _folder.Dispose();

    private static List<StoredEvent> ReadEvents(SqliteDatasetStores datasets)
    {
        using var store = datasets.OpenExisting(GroupArn);
        return store is null ? [] : [.. store.ReadEventLog("user", 0)];
    }

    private static ResourceRecord Group() =>
        new(GroupArn, ResourceKinds.DatasetGroup, "reused", null, ResourceStatus.CreateInProgress, 0, 0, "{}");
}
