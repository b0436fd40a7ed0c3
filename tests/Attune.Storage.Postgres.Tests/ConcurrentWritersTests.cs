using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Schemas;
using Attune.Storage.Tests;
using Npgsql;

namespace Attune.Storage.Postgres.Tests;

/// <summary>Silos writing one dataset group at once, each with its own connection pool.</summary>
public sealed class ConcurrentWritersTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string GroupArn = "arn:aws:personalize:us-east-1:000000000000:dataset-group/concurrent";

    [Fact]
    public async Task Puts_of_the_same_new_ids_from_several_silos_intern_each_id_once_and_keep_every_event()
    {
        var pools = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(pools.Select((pool, silo) => Task.Run(() =>
            {
                using var store = new PostgresDatasetStores(pool).Open(GroupArn);
                for (var round = 0; round < 10; round++)
                {
                    // Every silo sends the same ids in a different order, the worst case for the dictionaries' locks.
                    var items = Enumerable.Range(0, 20).Select(i => $"i{round}-{(i * (silo + 1)) % 20}");
                    store.Put(DatasetType.Interactions, TestSchemas.Interactions, [.. items.Select(item => Event($"u{round}", item))]);
                }
            }, TestContext.Current.CancellationToken)));

            using var reader = new PostgresDatasetStores(database.DataSource).Open(GroupArn);
            var data = reader.ReadInteractions();
            Assert.Equal(4 * 10 * 20, data.Count);
            Assert.Equal(10 * 20, data.ItemIds.Distinct().Count());
            Assert.Equal(data.ItemIds.Length, data.ItemIds.Distinct().Count());
            Assert.Equal(10, data.UserIds.Length);
        }
        finally
        {
            foreach (var pool in pools)
            {
                await pool.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Silos_opening_the_same_new_groups_at_once_all_get_a_store()
    {
        var pools = Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            for (var group = 0; group < 10; group++)
            {
                var arn = $"{GroupArn}-opened-{group}";
                using var start = new Barrier(pools.Count);
                await Task.WhenAll(pools.Select(pool => Task.Run(() =>
                {
                    start.SignalAndWait(TestContext.Current.CancellationToken);
                    using var store = new PostgresDatasetStores(pool).Open(arn);
                }, TestContext.Current.CancellationToken)));
                Assert.NotNull(new PostgresDatasetStores(database.DataSource).OpenExisting(arn));
            }
        }
        finally
        {
            foreach (var pool in pools)
            {
                await pool.DisposeAsync();
            }
        }
    }

    private static Dictionary<string, string?> Event(string user, string item) => new()
    {
        ["USER_ID"] = user,
        ["ITEM_ID"] = item,
        ["TIMESTAMP"] = "1",
        ["EVENT_TYPE"] = "view",
    };
}
