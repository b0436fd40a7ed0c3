using Attune.Storage.Catalog;
using Attune.Storage.Postgres.Catalog;
using Attune.Storage.Tests.Contracts;
using Npgsql;

namespace Attune.Storage.Postgres.Tests;

public sealed class PostgresCatalogTests(PostgresDatabase database)
    : CatalogContract(database.EmptyCatalog()), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_tag_cap_holds_when_separate_processes_tag_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var arn = Prefix + "schema/tagged";
        await new PostgresCatalog(database.DataSource).TryInsertAsync(Record("schema", "tagged"), [], ct);

        // Each writer has its own connection pool, as separate silos would.
        var pools = Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(pools.Select((pool, i) =>
                new PostgresCatalog(pool).SetTagsAsync(arn, [new($"k{i}a", "v"), new($"k{i}b", "v")], maxTags: 5, ct)));

            Assert.Equal(2, results.Count(accepted => accepted));
            Assert.Equal(4, (await new PostgresCatalog(database.DataSource).GetTagsAsync(arn, ct)).Count);
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
        await new PostgresCatalog(database.DataSource).TryInsertAsync(record, [], ct);

        await using var other = NpgsqlDataSource.Create(database.ConnectionString);
        var writers = new[] { new PostgresCatalog(database.DataSource), new PostgresCatalog(other) };
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
            new PostgresCatalog(database.DataSource).TryInsertAsync(record, [new("a", "1")], ct),
            new PostgresCatalog(other).TryInsertAsync(record, [new("a", "2")], ct));

        Assert.Single(results, inserted => inserted);
        Assert.Single(await new PostgresCatalog(other).GetTagsAsync(record.Arn, ct));
    }
}
