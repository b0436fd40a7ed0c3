using Attune.Contracts.Live;
using Attune.Grains.Live;
using Attune.Storage.Events;
using Attune.Storage.Sqlite;

namespace Attune.Grains.Tests.Live;

/// <summary>
/// The live path from a committed PutEvents to what serving reads for the user: a new user's first event is read
/// back without touching the event log (embedded mode holds it in process, with no grain), and a history stored before
/// a restart, or dropped from the process while idle, comes back from the event log exactly as far as the served
/// model's watermark leaves it out.
/// </summary>
public sealed class UserGrainHistoryTests : IDisposable
{
    private const string Group = "arn:aws:personalize:us-east-1:000000000000:dataset-group/live";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_new_users_first_event_is_in_its_next_read_without_reading_the_put_log()
    {
        var refusing = new CountingLiveEventStore();
        using var live = new LivePath(refusing, allEventsLocal: true);

        await live.PublishAsync("newcomer", new LiveEvent(41, "i3", "click", float.NaN, 1));
        var first = await live.ReadAsync("newcomer", afterSequence: 40);
        await live.PublishAsync("newcomer", new LiveEvent(43, "i4", "click", float.NaN, 2), new LiveEvent(42, "i1", "view", float.NaN, 2));
        var next = await live.ReadAsync("newcomer", afterSequence: 40);

        Assert.Equal(["i3"], first.Select(e => e.ItemId));
        Assert.Equal(["i3", "i1", "i4"], next.Select(e => e.ItemId));
        Assert.Empty(await live.ReadAsync("nobody", afterSequence: 40));
        Assert.Equal(0, refusing.Reads);
        Assert.Equal(0, live.GrainsActivated);
    }

    [Fact]
    public async Task An_idle_users_events_leave_the_process_and_come_back_from_the_put_log()
    {
        await using var logs = SqliteEventLogs.Open(_folder.Path);
        var store = new CountingLiveEventStore(new StoredLiveEvents(new SqliteDatasetStores(_folder.Path)));
        var clock = new ManualClock();
        using var live = new LivePath(store, allEventsLocal: true, clock);
        var watermark = await CommitAsync(logs, "idle", "i0"); // in the served model
        var first = await CommitAsync(logs, "idle", "i1");
        await live.PublishAsync("idle", first);
        var busy = await CommitAsync(logs, "busy", "b1");
        await live.PublishAsync("busy", busy);

        clock.Advance(InProcessHistories.IdleAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(["b1"], (await live.ReadAsync("busy", 0)).Select(e => e.ItemId));
        clock.Advance(TimeSpan.FromSeconds(1));
        live.DropIdle();
        Assert.Equal(0, live.GrainsActivated);

        var second = await CommitAsync(logs, "idle", "i2");
        await live.PublishAsync("idle", second);
        Assert.Equal(["i1", "i2"], (await live.ReadAsync("idle", watermark.Sequence)).Select(e => e.ItemId));
        Assert.Equal(["b1"], (await live.ReadAsync("busy", 0)).Select(e => e.ItemId));
        Assert.Equal(1, live.GrainsActivated);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task After_a_restart_a_user_gets_its_stored_events_after_the_served_watermark_and_its_new_ones()
    {
        await using var logs = SqliteEventLogs.Open(_folder.Path);
        var beforeWatermark = await CommitAsync(logs, "alice", "i1");
        var afterWatermark = await CommitAsync(logs, "alice", "i2");
        var store = new CountingLiveEventStore(new StoredLiveEvents(new SqliteDatasetStores(_folder.Path)));
        using (var beforeRestart = new LivePath(store, allEventsLocal: true))
        {
            await beforeRestart.PublishAsync("alice", beforeWatermark, afterWatermark);
            Assert.Equal(["i2"], (await beforeRestart.ReadAsync("alice", beforeWatermark.Sequence)).Select(e => e.ItemId));
        }

        // Embedded: the model loaded after the restart holds everything stored before it, so only new events are live.
        using (var embedded = new LivePath(store, allEventsLocal: true))
        {
            var reloadedWatermark = afterWatermark.Sequence;
            Assert.Empty(await embedded.ReadAsync("alice", reloadedWatermark));
            var click = await CommitAsync(logs, "alice", "i3");
            await embedded.PublishAsync("alice", click);
            Assert.Equal(["i3"], (await embedded.ReadAsync("alice", reloadedWatermark)).Select(e => e.ItemId));
        }
        Assert.Equal(0, store.Reads);

        // Cluster: a silo that kept serving the old model asks the new activation for everything after its watermark.
        using var cluster = new LivePath(store, allEventsLocal: false);
        Assert.Equal(["i2", "i3"], (await cluster.ReadAsync("alice", beforeWatermark.Sequence)).Select(e => e.ItemId));
        var later = await CommitAsync(logs, "alice", "i4");
        await cluster.PublishAsync("alice", later);
        Assert.Equal(["i2", "i3", "i4"], (await cluster.ReadAsync("alice", beforeWatermark.Sequence)).Select(e => e.ItemId));
        Assert.Equal(["i4"], (await cluster.ReadAsync("alice", later.Sequence - 1)).Select(e => e.ItemId));
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task In_a_cluster_the_first_delivery_does_not_read_the_put_log_but_the_next_read_catches_up_once()
    {
        await using var logs = SqliteEventLogs.Open(_folder.Path);
        var elsewhere = await CommitAsync(logs, "bob", "i1"); // committed, its delivery went to an activation since collected
        var store = new CountingLiveEventStore(new StoredLiveEvents(new SqliteDatasetStores(_folder.Path)));
        using var live = new LivePath(store, allEventsLocal: false);

        var click = await CommitAsync(logs, "bob", "i2");
        await live.PublishAsync("bob", click);
        Assert.Equal(0, store.Reads);

        var reads = await Task.WhenAll(live.ReadAsync("bob", 0).AsTask(), live.ReadAsync("bob", elsewhere.Sequence).AsTask());
        Assert.Equal(["i1", "i2"], reads[0].Select(e => e.ItemId));
        Assert.Equal(["i2"], reads[1].Select(e => e.ItemId));
        Assert.Equal(["i1", "i2"], (await live.ReadAsync("bob", 0)).Select(e => e.ItemId));
        Assert.Equal(1, store.Reads);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_user_forgotten_after_a_deletion_job_has_no_live_events_until_new_ones_come(bool allEventsLocal)
    {
        await using var logs = SqliteEventLogs.Open(_folder.Path);
        var stores = new SqliteDatasetStores(_folder.Path);
        var clock = new ManualClock();
        using var live = new LivePath(new StoredLiveEvents(stores), allEventsLocal, clock);
        await live.PublishAsync("held", await CommitAsync(logs, "held", "i1"));
        await live.PublishAsync("dropped", await CommitAsync(logs, "dropped", "i2"));
        clock.Advance(InProcessHistories.IdleAfter);
        await live.PublishAsync("held", await CommitAsync(logs, "held", "i3"));
        if (allEventsLocal)
        {
            live.DropIdle(); // "dropped" now lives in its UserGrain, "held" in process
        }
        using (var store = stores.Open(Group))
        {
            store.DeleteUsers("arn:aws:personalize:us-east-1:000000000000:data-deletion-job/live", 0, ["held", "dropped"]);
        }

        await live.ForgetAsync("held");
        await live.ForgetAsync("dropped");

        Assert.Empty(await live.ReadAsync("held", 0));
        Assert.Empty(await live.ReadAsync("dropped", 0));
        await live.PublishAsync("held", await CommitAsync(logs, "held", "i4"));
        Assert.Equal(["i4"], (await live.ReadAsync("held", 0)).Select(e => e.ItemId));
    }

    private static async Task<LiveEvent> CommitAsync(IEventLogs logs, string userId, string itemId)
    {
        var stored = (await logs.For(Group).AppendAsync(TestEvents.Interactions, TestEvents.Click(userId, itemId))).Events.Single();
        return new LiveEvent(stored.Sequence, stored.ItemId, stored.EventType, stored.EventValue, stored.Timestamp);
    }

    /// <summary>
    /// One process's live path (GrainLiveEvents in, the mode's histories out) over fresh UserGrains: embedded mode's
    /// <see cref="InProcessHistories"/> when <c>allEventsLocal</c>, a cluster's <see cref="UserGrainHistories"/> otherwise.
    /// </summary>
    private sealed class LivePath : IDisposable
    {
        private readonly FakeUserGrains _grains;
        private readonly GrainLiveEvents _events;
        private readonly ILiveHistories _histories;
        private readonly ILiveHistoryWriter _writer;
        private readonly InProcessHistories? _inProcess;
        private readonly ItemActivityBuffer _items;

        public LivePath(ILiveEventStore store, bool allEventsLocal, TimeProvider? clock = null)
        {
            _grains = new FakeUserGrains(store);
            var grainHistories = new UserGrainHistories(_grains.Factory);
            _inProcess = allEventsLocal ? new InProcessHistories(grainHistories, clock ?? TimeProvider.System) : null;
            _items = new ItemActivityBuffer(_grains.Factory);
            _events = new GrainLiveEvents(_inProcess ?? (ILiveHistoryWriter)grainHistories, _items);
            _histories = _inProcess ?? (ILiveHistories)grainHistories;
            _writer = _inProcess ?? (ILiveHistoryWriter)grainHistories;
        }

        public int GrainsActivated => _grains.Activations;

        public void DropIdle() => _inProcess!.DropIdle();

        public Task PublishAsync(string userId, params LiveEvent[] events) =>
            _events.PublishAsync(Group, [.. events.Select(e => new PrincipalEvent(userId, e))], [], CancellationToken.None);

        public ValueTask<LiveEvent[]> ReadAsync(string userId, long afterSequence) => _histories.ReadAsync(Group, userId, afterSequence);

        public Task ForgetAsync(string userId) => _writer.ForgetAsync(Group, userId);

        public void Dispose()
        {
            _inProcess?.Dispose();
            _items.Dispose();
        }
    }
}
