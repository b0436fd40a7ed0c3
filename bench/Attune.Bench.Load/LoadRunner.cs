using System.Diagnostics;

namespace Attune.Bench.Load;

/// <summary>
/// Drives POST /recommendations. Closed loop: N connections each sending its next request when the last answered.
/// Open loop: requests due at a fixed rate, latency counted from when each was due (no coordinated omission).
/// </summary>
internal sealed class LoadRunner(HttpClient http, string endpoint, RequestMix mix)
{
    private readonly Uri _uri = new(endpoint + "/recommendations");
    private long _sequence;

    public Task<StepResult> ClosedLoopAsync(int concurrency, TimeSpan duration) =>
        ClosedLoopRun.RunAsync($"closed loop, {concurrency} connections", concurrency, duration, _ => SendAsync());

    public async Task<StepResult> OpenLoopAsync(int rate, TimeSpan duration)
    {
        int total = (int)(rate * duration.TotalSeconds);
        var latencies = new long[total];
        var outcomes = new Task<bool>[total];
        long start = Stopwatch.GetTimestamp();
        double interval = (double)Stopwatch.Frequency / rate;
        for (int i = 0; i < total; i++)
        {
            long due = start + (long)(i * interval);
            // Sleep rather than spin: a spinning dispatcher would take a core from the server it measures. Requests
            // that fall due during a sleep go out together and carry that wait in their latency.
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }
            int slot = i;
            outcomes[i] = Timed(due, slot, latencies);
        }
        var succeeded = await Task.WhenAll(outcomes);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var ticks = latencies.Where((_, i) => succeeded[i]).ToList();
        return StepResult.From($"open loop, {rate}/s offered", ticks, succeeded.Count(ok => !ok), seconds);
    }

    private async Task<bool> Timed(long due, int slot, long[] latencies)
    {
        bool ok = await SendAsync();
        latencies[slot] = Stopwatch.GetTimestamp() - due;
        return ok;
    }

    private Task<bool> SendAsync() => ClosedLoopRun.PostAsync(http, _uri, mix.Body(Interlocked.Increment(ref _sequence)));
}
