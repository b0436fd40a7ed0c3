using System.Diagnostics;
using System.Net.Http.Headers;

namespace Attune.Bench.Load;

/// <summary>
/// A closed loop: each worker sends its next request when the last one answered, for a fixed time; latencies of the
/// answered requests and the count of failed ones make the step's result. Shared by the load and scaling benches.
/// </summary>
internal static class ClosedLoopRun
{
    /// <summary>Runs <paramref name="workers"/> loops for <paramref name="duration"/>; <paramref name="send"/> sends one request for worker i and says whether it answered 2xx.</summary>
    public static async Task<StepResult> RunAsync(string step, int workers, TimeSpan duration, Func<int, Task<bool>> send)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var ticks = new List<long>(100_000);
            int failed = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                long sent = Stopwatch.GetTimestamp();
                if (await send(worker))
                {
                    ticks.Add(Stopwatch.GetTimestamp() - sent);
                }
                else
                {
                    failed++;
                }
            }
            return (ticks, failed);
        })));
        return StepResult.From(step, [.. results.SelectMany(r => r.ticks)], results.Sum(r => r.failed), Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>POSTs a JSON body and reads the answer through; true when it answered 2xx, false also when no answer came.</summary>
    public static async Task<bool> PostAsync(HttpClient http, Uri uri, byte[] body)
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
