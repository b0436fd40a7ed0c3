using Attune.Storage.Events;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Tests.Contracts;

/// <summary>PutEvents through a backend's <see cref="IEventLogs"/>: group commit, eventId de-duplication, sessions, impressions.</summary>
public abstract class EventLogContract(IStoreBackend backend) : StoreTestBase(backend)
{
    private static readonly AvroSchema WithContext = AvroSchema.Parse("""
        {"type":"record","name":"Interactions","fields":[
          {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},
          {"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]},
          {"name":"IMPRESSION","type":["null","string"]},{"name":"DEVICE_COUNT","type":["null","int"]}]}
        """);

    [Fact]
    public async Task Concurrent_writers_are_committed_in_groups_and_every_acknowledged_event_is_stored_once()
    {
        const int Writers = 8;
        const int BatchesEach = 100;
        await using var logs = Backend.OpenEventLogs();
        var log = logs.For(GroupArn);
        var acknowledged = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var sequences = new List<long>();
            for (var b = 0; b < BatchesEach; b++)
            {
                var events = Enumerable.Range(0, 1 + (b % 10))
                    .Select(e => Event($"w{w}-b{b}-e{e}", $"item-{(w * 7 + b + e) % 50}", 1_700_000_000 + b))
                    .ToList();
                var commit = await log.AppendAsync(TestSchemas.Interactions, new EventLogBatch($"s{w}", $"user-{w}", events));
                Assert.Equal(events.Count, commit.Events.Count);
                sequences.AddRange(commit.Events.Select(e => e.Sequence));
            }

            return sequences;
        }, TestContext.Current.CancellationToken)));
        var commits = log.Commits;
        await logs.CloseAsync(GroupArn);

        var all = acknowledged.SelectMany(s => s).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.True(commits < Writers * BatchesEach, $"{commits} commits for {Writers * BatchesEach} batches: no grouping happened");
        var data = Store.ReadInteractions();
        Assert.Equal(all.Count, data.Count);
        Assert.Equal(all.Max(), data.PutWatermark);
        for (var w = 0; w < Writers; w++)
        {
            var history = Store.ReadEventLog($"user-{w}", 0);
            Assert.Equal(acknowledged[w], history.Select(e => e.Sequence));
            Assert.All(history, e => Assert.Equal($"user-{w}", e.Principal));
        }
    }

    [Fact]
    public async Task An_event_id_is_stored_once_within_a_batch_across_batches_and_after_reopening()
    {
        await using var logs = Backend.OpenEventLogs();
        var first = await logs.For(GroupArn).AppendAsync(TestSchemas.Interactions, new EventLogBatch("s", "u", [
            Event("a", "i1", 10, eventId: "e-1"), Event("b", "i2", 11, eventId: "e-1"), Event("c", "i3", 12)]));
        Assert.Equal(["i1", "i3"], first.Events.Select(e => e.ItemId));
        Assert.Equal(1, first.Duplicates);
        var second = await logs.For(GroupArn).AppendAsync(TestSchemas.Interactions, new EventLogBatch("s", "u", [Event("d", "i4", 13, eventId: "e-1")]));
        Assert.Empty(second.Events);
        await logs.CloseAsync(GroupArn);

        var again = await logs.For(GroupArn).AppendAsync(TestSchemas.Interactions, new EventLogBatch("s2", "u2", [Event("e", "i5", 14, eventId: "e-1")]));
        Assert.Equal(1, again.Duplicates);
        Assert.Equal(2, Store.ReadInteractions().Count);
    }

    [Fact]
    public async Task Anonymous_events_belong_to_the_session_until_a_user_claims_it_then_to_the_user()
    {
        await using var logs = Backend.OpenEventLogs();
        var log = logs.For(GroupArn);
        var anonymous = await log.AppendAsync(TestSchemas.Interactions, new EventLogBatch("sess", null, [Event("x", "i1", 10), Event("y", "i2", 11)]));
        Assert.All(anonymous.Events, e => Assert.Equal("sess", e.Principal));
        Assert.Equal(2, Store.ReadEventLog("sess", 0).Count);

        var login = await log.AppendAsync(TestSchemas.Interactions, new EventLogBatch("sess", "alice", [Event("z", "i3", 12)]));
        Assert.Equal(["i3", "i1", "i2"], login.Events.Select(e => e.ItemId));
        Assert.All(login.Events, e => Assert.Equal("alice", e.Principal));
        Assert.Equal(anonymous.Events.Select(e => e.Sequence), login.Events.Skip(1).Select(e => e.Sequence));

        var later = await log.AppendAsync(TestSchemas.Interactions, new EventLogBatch("sess", null, [Event("w", "i4", 13)]));
        Assert.Equal("alice", Assert.Single(later.Events).Principal);
        Assert.Empty(Store.ReadEventLog("sess", 0));
        Assert.Equal(["i1", "i2", "i3", "i4"], Store.ReadEventLog("alice", 0).Select(e => e.ItemId));
        Assert.Equal(["i4"], Store.ReadEventLog("alice", login.Events[0].Sequence).Select(e => e.ItemId));

        var data = Store.ReadInteractions();
        Assert.All(data.UserIndex, u => Assert.Equal("alice", data.UserIds[u]));
    }

    [Fact]
    public async Task A_batch_the_schema_refuses_is_undone_alone_and_the_rest_of_its_group_commits()
    {
        await using var logs = Backend.OpenEventLogs();
        var log = logs.For(GroupArn);
        var columns = new Dictionary<string, string?> { ["DEVICE_COUNT"] = "many" };
        var tasks = new List<Task<EventLogCommit>>();
        for (var i = 0; i < 20; i++)
        {
            var events = i == 7
                ? new[] { Event("ok", "new-item", 1, eventId: "bad-batch"), new EventLogRecord(null, "other-new", "click", null, 2, columns) }
                : new[] { Event($"u{i}", $"i{i}", 3, eventId: $"good-{i}") };
            tasks.Add(log.AppendAsync(WithContext, new EventLogBatch($"s{i}", $"user-{i}", events)));
        }

        var rejected = await Assert.ThrowsAsync<EventRejectedException>(() => tasks[7]);
        Assert.Equal(2, rejected.EventNumber);
        Assert.Contains("DEVICE_COUNT", rejected.Reason, StringComparison.Ordinal);
        foreach (var task in tasks.Where((_, i) => i != 7))
        {
            Assert.Single((await task).Events);
        }

        var retried = await log.AppendAsync(WithContext, new EventLogBatch("s7", "user-7", [Event("ok", "new-item", 1, eventId: "bad-batch")]));
        Assert.Single(retried.Events);
        await logs.CloseAsync(GroupArn);

        var data = Store.ReadInteractions();
        Assert.Equal(20, data.Count);
        Assert.DoesNotContain("other-new", data.ItemIds);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i == 7 ? "new-item" : $"i{i}").Order(), data.ItemIndex.Select(i => data.ItemIds[i]).Order());
    }

    [Fact]
    public async Task Impression_only_events_are_kept_but_are_no_training_interactions()
    {
        await using var logs = Backend.OpenEventLogs();
        var log = logs.For(GroupArn);
        var impressions = new Dictionary<string, string?> { ["IMPRESSION"] = "i1|i2|i3" };
        var commit = await log.AppendAsync(WithContext, new EventLogBatch("s", "u", [
            new EventLogRecord("imp-1", null, "view", null, 5, impressions), new EventLogRecord(null, "i2", "click", 1.5f, 6, impressions)]));
        var clicked = Assert.Single(commit.Events);
        Assert.Equal(1.5f, clicked.EventValue);
        Assert.Equal(["i1", "i2", "i3", "i1", "i2", "i3"], commit.Impressions);
        Assert.Equal(1, Store.ReadInteractions().Count);
        Assert.Equal(["i1|i2|i3"], Store.ReadInteractionColumn("IMPRESSION"));
        var again = await log.AppendAsync(WithContext, new EventLogBatch("s", "u", [new EventLogRecord("imp-1", null, "view", null, 5, impressions)]));
        Assert.Equal(1, again.Duplicates);
    }

    [Fact]
    public async Task Put_events_follow_the_bulk_imports_committed_before_or_after_them_and_the_watermark_is_the_last_sequence()
    {
        await using var logs = Backend.OpenEventLogs();
        var log = logs.For(GroupArn);
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, WriteFile("a.csv", InteractionsHeader + "u1,bulk-1,1,view,1\n"));
        var first = await log.AppendAsync(TestSchemas.Interactions, new EventLogBatch("s", "u2", [Event("click", "put-1", 2), Event("click", "put-2", 3)]));
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Incremental, WriteFile("b.csv", InteractionsHeader + "u1,bulk-2,4,view,1\n"));
        var second = await log.AppendAsync(TestSchemas.Interactions, new EventLogBatch("s", "u2", [Event("click", "put-3", 5)]));

        var data = Store.ReadInteractions();
        Assert.Equal(["bulk-1", "bulk-2", "put-1", "put-2", "put-3"], data.ItemIndex.Select(i => data.ItemIds[i]));
        Assert.Equal(second.Events[0].Sequence, data.PutWatermark);
        Assert.True(first.Events[1].Sequence < second.Events[0].Sequence);
        Assert.Equal(["put-1", "put-2", "put-3"], Store.ReadEventLog("u2", 0).Select(e => e.ItemId));
    }

    [Fact]
    public async Task The_writer_keeps_working_after_the_interactions_dataset_was_deleted_under_it_and_forgets_its_event_ids()
    {
        await using var logs = Backend.OpenEventLogs();
        var log = logs.For(GroupArn);
        await log.AppendAsync(TestSchemas.Interactions, new EventLogBatch("s", "u", [Event("click", "before", 1, eventId: "e-1")]));
        Store.DeleteDatasetData(DatasetType.Interactions);

        // The new dataset does not remember the deleted one's eventIds.
        var after = await log.AppendAsync(TestSchemas.Interactions, new EventLogBatch("s", "u", [Event("click", "after", 2, eventId: "e-1")]));

        Assert.Equal("after", Assert.Single(after.Events).ItemId);
        var data = Store.ReadInteractions();
        Assert.Equal(["after"], data.ItemIndex.Select(i => data.ItemIds[i]));
        Assert.Equal(after.Events[0].Sequence, data.PutWatermark);
    }

    private static EventLogRecord Event(string type, string item, long timestamp, string? eventId = null) =>
        new(eventId, item, type, null, timestamp, new Dictionary<string, string?>());
}
