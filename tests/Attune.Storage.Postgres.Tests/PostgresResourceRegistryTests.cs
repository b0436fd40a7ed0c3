using Attune.Storage.Resources;
using Attune.Storage.Postgres.Resources;
using Attune.Storage.Tests.Contracts;
using Npgsql;

namespace Attune.Storage.Postgres.Tests;

public sealed class PostgresResourceRegistryTests(PostgresDatabase database)
    : ResourceRegistryContract(database.EmptyResourceRegistry()), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_tag_cap_holds_when_separate_processes_tag_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var arn = Prefix + "schema/tagged";
        await new PostgresResourceRegistry(database.DataSource).TryInsertAsync(Record("schema", "tagged"), [], ct);

        // Each writer has its own connection pool, as separate silos would.
        var pools = Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(pools.Select((pool, i) =>
                new PostgresResourceRegistry(pool).SetTagsAsync(arn, [new($"k{i}a", "v"), new($"k{i}b", "v")], maxTags: 5, ct)));

            Assert.Equal(2, results.Count(accepted => accepted));
            Assert.Equal(4, (await new PostgresResourceRegistry(database.DataSource).GetTagsAsync(arn, ct)).Count);
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
    public async Task Concurrent_body_patches_from_separate_processes_all_land()
    {
        var ct = TestContext.Current.CancellationToken;
        var record = Record("dataset-import-job", "j") with { Body = "{}" };
        await new PostgresResourceRegistry(database.DataSource).TryInsertAsync(record, [], ct);

        await using var other = NpgsqlDataSource.Create(database.ConnectionString);
        var writers = new[] { new PostgresResourceRegistry(database.DataSource), new PostgresResourceRegistry(other) };
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            writers[i % 2].SetBodyMemberAsync(record.Arn, $"m{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), i, ct)));

        var body = (await writers[0].GetAsync(record.Arn, ct))!.ParseBody();
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(i, body[$"m{i}"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Inserting_the_same_arn_from_two_processes_succeeds_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var other = NpgsqlDataSource.Create(database.ConnectionString);
        var record = Record(ResourceKinds.DatasetGroup, "raced");

        var results = await Task.WhenAll(
            new PostgresResourceRegistry(database.DataSource).TryInsertAsync(record, [new("a", "1")], ct),
            new PostgresResourceRegistry(other).TryInsertAsync(record, [new("a", "2")], ct));

        Assert.Single(results, inserted => inserted);
        Assert.Single(await new PostgresResourceRegistry(other).GetTagsAsync(record.Arn, ct));
    }
}
