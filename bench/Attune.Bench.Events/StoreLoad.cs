using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Attune.Storage.Events;
using Attune.Storage.Postgres;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Postgres.Events;
using Attune.Storage.Schemas;
using Attune.Storage.Sqlite;
using Npgsql;

namespace Attune.Bench.Events;

/// <summary>
/// The event log alone, without HTTP or a server: closed loops append batches straight to a backend's
/// <see cref="IEventLog"/> (<c>--store sqlite</c>: in a temp directory; <c>--store postgres</c>: the database at <c>--postgres</c>) and count acknowledged events.
/// </summary>
internal static class StoreLoad
{
    private const int Users = 2_000;
    private const int Items = 5_000;

    private static readonly AvroSchema Interactions = AvroSchema.Parse("""
        {"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},
         {"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}]}
        """);

    public static async Task<int> RunAsync(EventOptions options)
    {
        var groupArn = $"arn:aws:personalize:us-east-1:000000000000:dataset-group/bench-events-{Guid.NewGuid():N}";
        var directory = Directory.CreateTempSubdirectory("attune-events-").FullName;
        var dataSource = options.Store == "postgres" ? NpgsqlDataSource.Create(options.Postgres!) : null;
        try
        {
            if (dataSource is not null)
            {
                SchemaMigrations.Apply(dataSource);
            }

            await using var logs = dataSource is null ? SqliteEventLogs.Open(directory) : PostgresEventLogs.Open(dataSource);
            var log = logs.For(groupArn);
            Console.WriteLine($"event log alone on {(dataSource is null ? "SQLite (synchronous=FULL)" : "PostgreSQL (synchronous_commit " + Setting(dataSource, "synchronous_commit") + ", fsync " + Setting(dataSource, "fsync") + ")")}");
            await StepAsync(log, 8, 10, TimeSpan.FromSeconds(2));
            foreach (var batch in options.BatchSizes)
            {
                foreach (var writers in options.Connections)
                {
                    var commitsBefore = log.Commits;
                    var step = await StepAsync(log, writers, batch, TimeSpan.FromSeconds(options.Seconds));
                    var commits = log.Commits - commitsBefore;
                    Console.WriteLine(EventReport.Line(step).Replace("connections", "writers", StringComparison.Ordinal) +
                        string.Create(CultureInfo.InvariantCulture, $", {commits:N0} commits ({step.Requests / (double)Math.Max(1, commits):F1} batches each)"));
                }
            }

            return 0;
        }
        finally
        {
            if (dataSource is not null)
            {
                new PostgresDatasetStores(dataSource).Delete(groupArn);
                await dataSource.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<LoadResult> StepAsync(IEventLog log, int writers, int batchSize, TimeSpan duration)
    {
        var latencies = new ConcurrentQueue<List<double>>();
        long requests = 0, events = 0;
        var step = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var mine = new List<double>();
            for (var sequence = 0; clock.Elapsed < duration; sequence++)
            {
                var user = $"user-{random.Next(Users)}";
                var batch = Enumerable.Range(0, batchSize)
                    .Select(k => new EventLogRecord($"{step}-w{worker}-n{sequence}-{k}", $"item-{random.Next(Items)}", "click", 1.5f,
                        1_764_000_000 + sequence, new Dictionary<string, string?>()))
                    .ToList();
                var started = Stopwatch.GetTimestamp();
                var commit = await log.AppendAsync(Interactions, new EventLogBatch("s-" + user, user, batch));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref requests);
                Interlocked.Add(ref events, commit.Events.Count);
            }

            latencies.Enqueue(mine);
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        var acknowledged = new AcknowledgedEvent[events];
        return new LoadResult(writers, batchSize, seconds, requests, 0, EventLoad.Percentile(sorted, 0.50), EventLoad.Percentile(sorted, 0.99), acknowledged);
    }

    private static string Setting(NpgsqlDataSource dataSource, string name)
    {
        using var command = dataSource.CreateCommand($"SHOW {name}");
        return (string)command.ExecuteScalar()!;
    }
}
