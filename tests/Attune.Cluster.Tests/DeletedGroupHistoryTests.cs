using Attune.Cluster.Tests.Infrastructure;
using Attune.EndToEnd.Tests.Infrastructure;
using Attune.Grains.Live;
using Attune.Storage.Events;
using Attune.Storage.Postgres;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Postgres.Events;
using Attune.Storage.Schemas;
using Npgsql;

namespace Attune.Cluster.Tests;

/// <summary>What a UserGrain rebuilds its history from, once its dataset group was deleted (by this silo or another).</summary>
public sealed class DeletedGroupHistoryTests(TestPostgres postgres)
{
    private const string Group = "arn:aws:personalize:us-east-1:000000000000:dataset-group/deleted";

    [Fact]
    public async Task A_history_read_after_the_group_was_deleted_is_empty_and_creates_no_storage()
    {
        var token = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync(token));
        SchemaMigrations.Apply(dataSource);
        var stores = new PostgresDatasetStores(dataSource);
        await using (var logs = PostgresEventLogs.Open(dataSource))
        {
            var click = new EventLogRecord(null, "item-1", "click", null, 1, new Dictionary<string, string?>());
            await logs.For(Group).AppendAsync(AvroSchema.Parse(Schemas.Interactions), new EventLogBatch("session-1", "user-1", [click]));
        }

        var history = new StoredLiveEvents(stores);
        Assert.Equal(["item-1"], (await history.ReadAsync(Group, "user-1", 0, token)).Select(e => e.ItemId));

        stores.Delete(Group);

        Assert.Empty(await history.ReadAsync(Group, "user-1", 0, token));
        Assert.Empty(await history.ReadAsync(Group + "-never-written", "user-1", 0, token));
        Assert.Equal(0, await CountAsync(dataSource, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'attune\\_g\\_%'", token));
        Assert.Equal(0, await CountAsync(dataSource, "SELECT count(*) FROM attune_dataset_groups", token));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, CancellationToken token)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(token))!;
    }
}
