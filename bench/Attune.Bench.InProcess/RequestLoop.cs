using System.Diagnostics;
using System.Globalization;

namespace Attune.Bench.InProcess;

/// <summary>What N sequential requests on one connection cost: bytes allocated by the whole process, and latency.</summary>
internal sealed record LoopResult(string Name, int Requests, long BytesPerRequest, double MeanMicroseconds, double P50Ms, double P99Ms)
{
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Requests:N0} | {BytesPerRequest:N0} | {MeanMicroseconds:F0} | {P50Ms:F2} | {P99Ms:F2} |");
}

internal static class RequestLoop
{
    public static async Task<LoopResult> RunAsync(RawHttpClient client, string name, IReadOnlyList<byte[]> requests, int count)
    {
        for (int i = 0; i < Math.Min(count, 2_000); i++)
        {
            await client.SendAsync(requests[i % requests.Count]);
        }
        var ticks = new long[count];
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            long sent = Stopwatch.GetTimestamp();
            await client.SendAsync(requests[i % requests.Count]);
            ticks[i] = Stopwatch.GetTimestamp() - sent;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        long bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / count;
        Array.Sort(ticks);
        double Ms(long t) => t * 1000.0 / Stopwatch.Frequency;
        var result = new LoopResult(name, count, bytes, elapsed.TotalMicroseconds / count, Ms(ticks[count / 2]), Ms(ticks[(int)(count * 0.99)]));
        Console.WriteLine(result.Row());
        return result;
    }
}
