using Attune.Storage.Events;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Postgres.Events;
using Attune.Storage.Tests;
using Npgsql;

namespace Attune.Storage.Postgres.Tests;

/// <summary>
/// Two silos (each its own connection pool, event logs and stores) with writers for one dataset group, which silo A
/// deletes as the server does (closes its own writer, then deletes the group's storage); silo B's writer must notice.
/// </summary>
public sealed class DeletedGroupEventLogTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly NpgsqlDataSource[] _pools = [NpgsqlDataSource.Create(database.ConnectionString), NpgsqlDataSource.Create(database.ConnectionString)];
    private IEventLogs[] _silos = [];

    public ValueTask InitializeAsync()
    {
        _silos = [.. _pools.Select(PostgresEventLogs.Open)];
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_other_silos_writer_fails_with_group_deleted_creates_nothing_and_is_replaced()
    {
        const string group = "arn:aws:personalize:us-east-1:000000000000:dataset-group/deleted-on-a";
        await PutAsync(_silos[0], group, "user-a", "item-1");
        await PutAsync(_silos[1], group, "user-b", "item-2");
        var retiring = _silos[1].For(group);

        await DeleteOnSiloAAsync(group);

        var error = await Assert.ThrowsAsync<DatasetGroupDeletedException>(() => PutAsync(_silos[1], group, "user-b", "item-3"));
        Assert.Equal(group, error.DatasetGroupArn);
        await Assert.ThrowsAsync<DatasetGroupDeletedException>(() => retiring.AppendAsync(TestSchemas.Interactions, Batch("user-b", "item-4")));
        Assert.Equal(0, database.Scalar($"SELECT count(*) FROM pg_namespace WHERE nspname = '{PostgresLayout.SchemaFor(group)}'"));
        Assert.Equal(0, database.Scalar($"SELECT count(*) FROM attune_dataset_groups WHERE arn = '{group}'"));

        // The group comes back under the same ARN; silo B writes it through a new writer, with the new group's ids.
        await PutAsync(_silos[0], group, "user-c", "item-9");
        Assert.NotSame(retiring, _silos[1].For(group));
        await PutAsync(_silos[1], group, "user-b", "item-5");
        AssertHistories(group);
    }

    [Fact]
    public async Task A_writer_whose_group_was_recreated_meanwhile_writes_with_the_new_groups_ids()
    {
        const string group = "arn:aws:personalize:us-east-1:000000000000:dataset-group/recreated";
        await PutAsync(_silos[1], group, "user-b", "item-2");

        await DeleteOnSiloAAsync(group);
        await PutAsync(_silos[0], group, "user-c", "item-9");

        // Silo B's cached ids name the deleted group's rows (user-b's index is user-c's now): its next commit must not use them.
        await PutAsync(_silos[1], group, "user-b", "item-5");
        AssertHistories(group);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        foreach (var pool in _pools)
        {
            await pool.DisposeAsync();
        }
    }

    private async Task DeleteOnSiloAAsync(string group)
    {
        await _silos[0].CloseAsync(group);
        new PostgresDatasetStores(_pools[0]).Delete(group);
    }

    private void AssertHistories(string group)
    {
        using var store = new PostgresDatasetStores(database.DataSource).Open(group);
        Assert.Equal(["item-5"], store.ReadEventLog("user-b", 0).Select(e => e.ItemId));
        Assert.Equal(["item-9"], store.ReadEventLog("user-c", 0).Select(e => e.ItemId));
    }

    private static Task<EventLogCommit> PutAsync(IEventLogs silo, string group, string userId, string itemId) =>
        silo.For(group).AppendAsync(TestSchemas.Interactions, Batch(userId, itemId));

    private static EventLogBatch Batch(string userId, string itemId) =>
        new("session-" + userId, userId, [new EventLogRecord(null, itemId, "click", null, 1, new Dictionary<string, string?>())]);
}
