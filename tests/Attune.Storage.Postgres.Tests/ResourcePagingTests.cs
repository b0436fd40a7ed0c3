using Attune.Storage.Resources;
using Attune.Storage.Postgres.Resources;
using Npgsql;

namespace Attune.Storage.Postgres.Tests;

/// <summary>List paging while silos insert concurrently: an insert that drew a lower sequence may commit after a later one.</summary>
public sealed class ResourcePagingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Prefix = "arn:aws:personalize:us-east-1:000000000000:";
    private const string Kind = ResourceKinds.Dataset;

    [Fact]
    public async Task A_listing_never_pages_past_a_record_whose_insert_commits_later()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = database.EmptyResourceRegistry();
        await using var otherSilo = NpgsqlDataSource.Create(database.ConnectionString);
        var second = new PostgresResourceRegistry(otherSilo);
        Assert.True(await first.TryInsertAsync(Record("r0"), [], ct));

        // An uncommitted tag row makes the insert of "slow" wait after its resource row drew a sequence.
        await using var blocker = await database.DataSource.OpenConnectionAsync(ct);
        await using var blocking = await blocker.BeginTransactionAsync(ct);
        await using (var tag = new NpgsqlCommand("INSERT INTO attune_tags (arn, key, value) VALUES (@arn, 'k', 'held')", blocker))
        {
            tag.Parameters.AddWithValue("arn", Record("slow").Arn);
            await tag.ExecuteNonQueryAsync(ct);
        }

        var slow = first.TryInsertAsync(Record("slow"), [new("k", "v")], ct);
        await WaitUntilAsync(() => Waiting("transactionid"), slow);
        var fast = second.TryInsertAsync(Record("fast"), [], ct);
        await WaitUntilAsync(() => Waiting("advisory"), fast);

        // A client pages (one record a page) while "slow" is uncommitted, then resumes from its last token after it commits.
        var seen = new List<string>();
        var resumeAfter = await ReadPagesAsync(second, 0, seen);
        await blocking.RollbackAsync(ct);
        Assert.True(await slow);
        Assert.True(await fast);
        await ReadPagesAsync(second, resumeAfter, seen);

        Assert.Equal(["r0", "slow", "fast"], seen);
        var full = new List<string>();
        await ReadPagesAsync(first, 0, full);
        Assert.Equal(["r0", "slow", "fast"], full);
    }

    /// <summary>Reads pages of one record from <paramref name="after"/> to the last; returns the sequence of the last record read.</summary>
    private static async Task<long> ReadPagesAsync(PostgresResourceRegistry registry, long after, List<string> seen)
    {
        while (true)
        {
            var page = await registry.ListAsync(Kind, Prefix, null, after, 1, TestContext.Current.CancellationToken);
            seen.AddRange(page.Items.Select(r => r.Name));
            after = page.Items.Count > 0 ? page.Items[^1].Sequence : after;
            if (page.NextSequence is null)
            {
                return after;
            }
        }
    }

    private static ResourceRecord Record(string name) => new(Prefix + Kind + "/" + name, Kind, name, null, ResourceStatus.Active, 1, 1, "{}");

    /// <summary>Whether some session waits for a lock of that type (pg_locks.locktype).</summary>
    private async Task<bool> Waiting(string lockType)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = @type", connection);
        command.Parameters.AddWithValue("type", lockType);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0;
    }

    /// <summary>Waits until <paramref name="condition"/> holds or <paramref name="operation"/> finished (then the race is over).</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Task operation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!operation.IsCompleted && !await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the insert neither finished nor waited for a lock");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
