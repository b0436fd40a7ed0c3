using System.Globalization;

namespace Attune.Bench.Load;

/// <summary>
/// The server process's allocated bytes so far, from the runtime meter on its /metrics: sampled around the HTTP steps,
/// it gives what the server allocates per request (HTTP, grain calls, serving and, when on, tracing), unaffected by how
/// busy the shared cores are.
/// </summary>
internal static class ServerAllocations
{
    private const string Metric = "dotnet_gc_heap_total_allocated_bytes_total";

    public static async Task<double> ReadAsync(HttpClient http, string endpoint)
    {
        var text = await http.GetStringAsync(new Uri(endpoint + "/metrics"));
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(Metric, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The server's /metrics has no {Metric}.");
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
