using System.Globalization;

namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>Orleans' own counters as a process publishes them on /metrics.</summary>
public static class SiloMetrics
{
    /// <summary>How many activations of <paramref name="grainType"/> the process has created since it started.</summary>
    public static async Task<long> ActivationsCreatedAsync(string endpoint, string grainType, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri($"{endpoint}/metrics"), cancellationToken);
        return text.Split('\n')
            .Where(line => line.StartsWith("orleans_catalog_activation_created_total{", StringComparison.Ordinal)
                && line.Contains($"grain_type=\"{grainType}\"", StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>The value of Attune's model gauge <paramref name="name"/> (attune_model_items, attune_model_bytes) for one part (whole, head, slice).</summary>
    public static async Task<long> ModelGaugeAsync(string endpoint, string name, string part, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri($"{endpoint}/metrics"), cancellationToken);
        return text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) && line.Contains($"part=\"{part}\"", StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
