using System.Globalization;

namespace Attune.Bench.Events;

/// <summary>
/// The server's memory seen from outside: its resident set (/proc), its GC heap after the last collection (the
/// System.Runtime meter on /metrics) and its Orleans grain activations.
/// </summary>
internal readonly record struct MemorySample(long ResidentBytes, long GcHeapBytes, long Activations)
{
    public static async Task<MemorySample> TakeAsync(HttpClient http, EventServer server)
    {
        var metrics = await http.GetStringAsync(new Uri(server.Endpoint + "/metrics"));
        return new MemorySample(Resident(server.ProcessId), (long)Sum(metrics, "dotnet_gc_last_collection_heap_size_bytes"),
            (long)Sum(metrics, "orleans_catalog_activations"));
    }

    /// <summary>The sum of a Prometheus metric's samples over its labels.</summary>
    private static double Sum(string metrics, string name) => metrics.Split('\n')
        .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static long Resident(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
