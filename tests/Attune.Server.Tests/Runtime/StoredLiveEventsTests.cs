using Attune.Grains.Live;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Server.Tests.Runtime;

/// <summary>What a UserGrain rebuilds its history from in embedded mode, for a group that has or no longer has storage.</summary>
public sealed class StoredLiveEventsTests : IDisposable
{
    private const string Group = "arn:aws:personalize:us-east-1:000000000000:dataset-group/live";
    private const string InteractionsSchema =
        """{"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"}],"version":"1.0"}""";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_deleted_or_never_written_group_has_an_empty_history_and_gets_no_storage()
    {
        var token = TestContext.Current.CancellationToken;
        var stores = new SqliteDatasetStores(_folder.Path);
        await using (var logs = SqliteEventLogs.Open(_folder.Path))
        {
            var click = new PutEventRecord(null, "item-1", "click", null, 1, new Dictionary<string, string?>());
            await logs.For(Group).AppendAsync(AvroSchema.Parse(InteractionsSchema), new PutEventBatch("session-1", "user-1", [click]));
        }

        var history = new StoredLiveEvents(stores);
        Assert.Equal(["item-1"], (await history.ReadAsync(Group, "user-1", 0, token)).Select(e => e.ItemId));

        stores.Delete(Group);

        Assert.Empty(await history.ReadAsync(Group, "user-1", 0, token));
        Assert.Empty(await history.ReadAsync(Group + "-never-written", "user-1", 0, token));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }
}
