using Attune.Grains.Live;
using Attune.Storage.Sqlite;

namespace Attune.Grains.Tests.Live;

/// <summary>What a UserGrain rebuilds its history from in embedded mode, for a group that has or no longer has storage.</summary>
public sealed class StoredLiveEventsTests : IDisposable
{
    private const string Group = "arn:aws:personalize:us-east-1:000000000000:dataset-group/live";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_deleted_or_never_written_group_has_an_empty_history_and_gets_no_storage()
    {
        var token = TestContext.Current.CancellationToken;
        var stores = new SqliteDatasetStores(_folder.Path);
        await using (var logs = SqliteEventLogs.Open(_folder.Path))
        {
            await logs.For(Group).AppendAsync(TestEvents.Interactions, TestEvents.Click("user-1", "item-1"));
        }

        var history = new StoredLiveEvents(stores);
        Assert.Equal(["item-1"], (await history.ReadAsync(Group, "user-1", 0, token)).Select(e => e.ItemId));

        stores.Delete(Group);

        Assert.Empty(await history.ReadAsync(Group, "user-1", 0, token));
        Assert.Empty(await history.ReadAsync(Group + "-never-written", "user-1", 0, token));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }
}
