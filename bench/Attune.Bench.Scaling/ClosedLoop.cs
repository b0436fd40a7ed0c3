using System.Diagnostics;
using System.Net.Http.Headers;
using Attune.Bench.Load;

namespace Attune.Bench.Scaling;

/// <summary>
/// Closed-loop load spread over several front doors: each connection keeps one request in flight against its own
/// front door (connection i uses endpoint i mod N) and sends the next when the last answered.
/// </summary>
internal sealed class ClosedLoop(HttpClient http, IReadOnlyList<string> endpoints)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private long _sequence;

    /// <summary>Runs <paramref name="connections"/> connections POSTing bodies from <paramref name="body"/> to <paramref name="path"/>.</summary>
    public async Task<StepResult> RunAsync(string step, string path, Func<long, byte[]> body, int connections, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, connections).Select(connection => Task.Run(async () =>
        {
            var uri = new Uri(endpoints[connection % endpoints.Count] + path);
            var ticks = new List<long>(100_000);
            var failed = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var sent = Stopwatch.GetTimestamp();
                if (await SendAsync(uri, body(Interlocked.Increment(ref _sequence))))
                {
                    ticks.Add(Stopwatch.GetTimestamp() - sent);
                }
                else
                {
                    failed++;
                }
            }
            return (ticks, failed);
        })).ToList();
        var results = await Task.WhenAll(workers);
        return StepResult.From(step, [.. results.SelectMany(r => r.ticks)], results.Sum(r => r.failed), Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Whether one request answers 2xx.</summary>
    public async Task<bool> SendAsync(Uri uri, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        try
        {
            using var response = await http.PostAsync(uri, content);
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
