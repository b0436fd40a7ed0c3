using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Attune.Bench.Events;

/// <summary>An event the server answered 200 for: it must be in the store, in its user's history.</summary>
internal readonly record struct AcknowledgedEvent(string UserId, string ItemId);

/// <summary>What one closed-loop step measured.</summary>
internal sealed record LoadResult(
    int Connections, int BatchSize, double Seconds, long Requests, long Failures, double P50, double P99, IReadOnlyList<AcknowledgedEvent> Acknowledged)
{
    public double EventsPerSecond => Acknowledged.Count / Seconds;

    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// Closed-loop PutEvents load over plain HTTP (the server does not check signatures): each connection sends a batch,
/// waits for the answer and sends the next. Every event carries an eventId; users and items are drawn from pools,
/// or each event gets an item of its own so that a check can find every acknowledged event by item. With a user pool
/// the requests take its users in turn, so a pool larger than the requests sent means every request is a new user.
/// </summary>
internal sealed class EventLoad(HttpClient http, Func<string> endpoint, string trackingId)
{
    private const int Users = 2_000;
    private const int Items = 5_000;
    private static int _runs;

    /// <summary>
    /// Runs <paramref name="connections"/> closed loops of batches of <paramref name="batchSize"/> for <paramref name="duration"/>
    /// or until <paramref name="stop"/>; <paramref name="uniqueItems"/> gives every event an item of its own. With
    /// <paramref name="refused"/> the requests lack their sessionId, so validation refuses them (400) before any store
    /// work: the step measures the HTTP pipeline alone, and an answered 400 counts as a request done. With
    /// <paramref name="interval"/> each connection sends at most one request per interval (a paced background load).
    /// With <paramref name="userPool"/> the requests take the users of a pool of that size (new to the server) in turn.
    /// </summary>
    public async Task<LoadResult> RunAsync(
        int connections, int batchSize, TimeSpan duration, bool uniqueItems, CancellationToken stop, bool refused = false,
        TimeSpan? interval = null, int? userPool = null)
    {
        var run = Interlocked.Increment(ref _runs);
        long turn = -1;
        var acknowledged = new ConcurrentQueue<AcknowledgedEvent>();
        var latencies = new ConcurrentQueue<List<double>>();
        long requests = 0, failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var random = new Random(run * 1000 + worker);
            var mine = new List<double>();
            for (var sequence = 0; clock.Elapsed < duration && !stop.IsCancellationRequested; sequence++)
            {
                var user = userPool is { } pool ? $"r{run}-user-{Interlocked.Increment(ref turn) % pool}" : $"user-{random.Next(Users)}";
                var items = Enumerable.Range(0, batchSize)
                    .Select(k => uniqueItems ? $"r{run}-w{worker}-n{sequence}-k{k}" : $"item-{random.Next(Items)}")
                    .ToArray();
                var started = Stopwatch.GetTimestamp();
                if (interval is { } pace && sequence > 0)
                {
                    var due = pace * sequence - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, CancellationToken.None);
                    }
                    started = Stopwatch.GetTimestamp();
                }
                var status = await SendAsync(Body(user, refused ? null : "s-" + user, items, $"r{run}-w{worker}-n{sequence}", sequence), stop);
                if (status == (refused ? 400 : 200))
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref requests);
                    foreach (var item in refused ? [] : items)
                    {
                        acknowledged.Enqueue(new AcknowledgedEvent(user, item));
                    }
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }

            latencies.Enqueue(mine);
        }, CancellationToken.None)));
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(connections, batchSize, seconds, requests, failures, Percentile(sorted, 0.50), Percentile(sorted, 0.99), [.. acknowledged]);
    }

    /// <summary>The HTTP status, or 0 when no answer came (the server was killed or the step stopped).</summary>
    private async Task<int> SendAsync(string body, CancellationToken stop)
    {
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(endpoint() + "/events"), content, stop);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return 0;
        }
    }

    private string Body(string user, string? session, string[] items, string eventIdPrefix, int sequence)
    {
        var body = new StringBuilder(128 + items.Length * 120);
        var sessionMember = session is null ? string.Empty : $"\"sessionId\":\"{session}\",";
        body.Append(CultureInfo.InvariantCulture, $"{{\"trackingId\":\"{trackingId}\",\"userId\":\"{user}\",{sessionMember}\"eventList\":[");
        for (var k = 0; k < items.Length; k++)
        {
            body.Append(k == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"eventId\":\"{eventIdPrefix}-{k}\",\"eventType\":\"click\",\"itemId\":\"{items[k]}\",\"eventValue\":1.5,\"sentAt\":{1_764_000_000 + sequence}}}");
        }

        return body.Append("]}").ToString();
    }

    internal static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];
}
