using System.Globalization;
using System.Text;
using Attune.Bench.Load;

namespace Attune.Bench.Scaling;

/// <summary>One silo count's figures: GetRecommendations always, PutEvents when the server answers it.</summary>
internal sealed record ScalingRow(int Silos, int Gateways, int Connections, StepResult Recommendations, StepResult? Events);

/// <summary>Writes the table (markdown, replacing the file) and the plot of requests/s against the silo count.</summary>
internal static class ScalingReport
{
    public static string Row(ScalingRow r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Silos} | {r.Gateways} | {r.Connections} | {r.Recommendations.Throughput:N0} | {r.Recommendations.P50:F2} | {r.Recommendations.P99:F2} | {r.Recommendations.Failed} | ")
        + (r.Events is { } e
            ? string.Create(CultureInfo.InvariantCulture, $"{e.Throughput:N0} | {e.P99:F2} | {e.Failed} |")
            : "n/a | n/a | n/a |");

    public static void Write(ScalingOptions options, string machine, string dataset, string eventsNote, IReadOnlyList<ScalingRow> rows)
    {
        var text = new StringBuilder()
            .AppendLine("## Scaling: silos on one host, one PostgreSQL")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}. Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.")
            .AppendLine(CultureInfo.InvariantCulture,
                $"Dataset {dataset}, user-personalization campaign, GetRecommendations numResults 25 (20% with a genre filter); closed loop, {options.ConnectionsPerFrontDoor} connections per front door, {options.Seconds} s per step; every silo is also a front door.")
            .AppendLine(CultureInfo.InvariantCulture, $"PutEvents: {eventsNote}.")
            .AppendLine()
            .AppendLine("| silos | gateways | connections | GetRecommendations req/s | p50 ms | p99 ms | failed | PutEvents req/s | p99 ms | failed |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(Row(row));
        }
        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Plot: `{Path.GetFileName(options.Plot)}` (x: silos, y: requests/s; blue GetRecommendations, orange PutEvents).")
            .AppendLine("All processes (silos, gateways, PostgreSQL and the load generator) share the host's cores, so on a small host the")
            .AppendLine("figures show processes competing for the same cores (each also keeps its own copy of the model and its own GC heaps)")
            .AppendLine("rather than added capacity; run it on a larger host for scale-out figures.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Results))!);
        File.WriteAllText(options.Results, text.ToString());

        var chart = new PngChart();
        chart.Draw(
            [[.. rows.Select(r => (r.Silos, r.Recommendations.Throughput))],
             [.. rows.Where(r => r.Events is not null).Select(r => (r.Silos, r.Events!.Throughput))]],
            [(31, 119, 180), (255, 127, 14)]);
        chart.Save(options.Plot);
    }
}
