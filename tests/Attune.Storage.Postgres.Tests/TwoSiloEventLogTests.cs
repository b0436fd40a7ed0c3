using Attune.Storage.Events;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Postgres.Events;
using Attune.Storage.Tests;
using Npgsql;

namespace Attune.Storage.Postgres.Tests;

/// <summary>Two silos (each its own connection pool and event log) putting the same events into one dataset group at once.</summary>
public sealed class TwoSiloEventLogTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string GroupArn = "arn:aws:personalize:us-east-1:000000000000:dataset-group/two-silos";
    private const int Writers = 8;
    private const int Batches = 30;
    private const int AnonymousBatches = 5;

    [Fact]
    public async Task Every_event_is_stored_once_with_a_unique_sequence_and_sessions_are_claimed_once()
    {
        var pools = Enumerable.Range(0, 2).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        var silos = pools.Select(PostgresEventLogs.Open).ToList();
        try
        {
            // Both silos send every batch (a client retrying through another silo): each eventId must be stored by one of them.
            var commits = await Task.WhenAll(silos.SelectMany(silo => Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                var acknowledged = new List<EventLogCommit>();
                for (var b = 0; b < Batches; b++)
                {
                    var events = Enumerable.Range(0, 1 + (b % 5))
                        .Select(e => new EventLogRecord($"w{w}-b{b}-e{e}", $"item-w{w}-b{b}-e{e}", "click", null, b, new Dictionary<string, string?>()))
                        .ToList();
                    var userId = b < AnonymousBatches ? null : $"user-{w}";
                    acknowledged.Add(await silo.For(GroupArn).AppendAsync(TestSchemas.Interactions, new EventLogBatch($"s{w}", userId, events)));
                }

                return acknowledged;
            }, TestContext.Current.CancellationToken))));

            var sent = Writers * Enumerable.Range(0, Batches).Sum(b => 1 + (b % 5));
            var stored = commits.SelectMany(c => c).SelectMany(c => c.Events).ToList();
            var itemBySequence = stored.GroupBy(e => e.Sequence).ToDictionary(g => g.Key, g => Assert.Single(g.Select(e => e.ItemId).Distinct()));
            Assert.Equal(sent, itemBySequence.Count);
            Assert.Equal(sent, itemBySequence.Values.Distinct().Count());
            Assert.All(stored, e => Assert.StartsWith(e.Principal.StartsWith('s') ? "item-w" + e.Principal[1..] + "-" : "item-w" + e.Principal["user-".Length..] + "-", e.ItemId, StringComparison.Ordinal));

            using var store = new PostgresDatasetStores(database.DataSource).Open(GroupArn);
            var data = store.ReadInteractions();
            Assert.Equal(sent, data.Count);
            Assert.Equal(itemBySequence.Keys.Max(), data.PutWatermark);
            for (var w = 0; w < Writers; w++)
            {
                Assert.Empty(store.ReadEventLog($"s{w}", 0));
                var history = store.ReadEventLog($"user-{w}", 0);
                Assert.Equal(sent / Writers, history.Count);
                Assert.All(history, e => Assert.Equal(itemBySequence[e.Sequence], e.ItemId));
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }

            foreach (var pool in pools)
            {
                await pool.DisposeAsync();
            }
        }
    }
}
