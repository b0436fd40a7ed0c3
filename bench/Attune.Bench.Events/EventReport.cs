using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Attune.Bench.Events;

/// <summary>Console lines and bench/results/events.md.</summary>
internal sealed class EventReport(EventOptions options)
{
    private readonly List<LoadResult> _steps = [];
    private readonly List<LoadResult> _references = [];
    private readonly List<FreshnessResult> _freshness = [];

    public void Add(LoadResult step) => _steps.Add(step);

    public void AddReference(LoadResult step) => _references.Add(step);

    public void Add(FreshnessResult freshness) => _freshness.Add(freshness);

    public static string Line(FreshnessResult f) => string.Create(CultureInfo.InvariantCulture,
        $"freshness, background {f.Background}, over {f.Samples} clicks: p50 {f.P50:F2} ms, p99 {f.P99:F2} ms, max {f.Max:F2} ms; the first GetRecommendations after the 200 " +
        $"reflected the event {f.ReflectedByFirstRequest} of {f.Samples} times; background load {f.BackgroundEventsPerSecond:N0} events/s");

    public static string Line(LoadResult step) => string.Create(CultureInfo.InvariantCulture,
        $"batch {step.BatchSize,2} × {step.Connections,3} connections: {step.EventsPerSecond,9:N0} events/s ({step.RequestsPerSecond:N0} requests/s), " +
        $"p50 {step.P50:F2} ms, p99 {step.P99:F2} ms, {step.Failures} failed");

    public string Line(AcknowledgedCount crash) => string.Create(CultureInfo.InvariantCulture,
        $"kill -9 after {options.KillAfterSeconds:F1} s of load from {options.CrashConnections} connections (batches of 10): " +
        $"{crash.Acknowledged:N0} events acknowledged by {crash.Users:N0} users, " +
        $"{crash.Stored:N0} interactions in the store after restart (all steps); missing from the store {crash.MissingFromStore}, from user histories {crash.MissingFromHistory}");

    public void Write(AcknowledgedCount crash)
    {
        var text = new StringBuilder();
        text.AppendLine("# Events: durable PutEvents ingestion and kill -9").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores shared by the server, the load generator and other builds; {RuntimeInformation.OSDescription}; load average {LoadAverage()} at the end.");
        text.AppendLine("Command: `dotnet build -c Release src/Attune.Server && dotnet run -c Release --project bench/Attune.Bench.Events`").AppendLine();
        text.AppendLine("Durability: each group commit is one SQLite transaction with synchronous=FULL (WAL fsynced before the 200).").AppendLine();
        text.AppendLine("## (a) Ingestion (closed loop, plain HTTP POST /events, every event with an eventId)").AppendLine();
        text.AppendLine("| batch | connections | events/s | requests/s | p50 ms | p99 ms | failed |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in _steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.BatchSize} | {s.Connections} | {s.EventsPerSecond:N0} | {s.RequestsPerSecond:N0} | {s.P50:F2} | {s.P99:F2} | {s.Failures} |");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{options.Seconds:F0} s per step after a 2 s warm-up.").AppendLine();
        text.AppendLine("Reference, the HTTP pipeline alone: the same batch-of-1 requests without sessionId, refused by validation (400) before any store work:").AppendLine();
        foreach (var s in _references)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {s.Connections} connections: {s.RequestsPerSecond:N0} requests/s, p50 {s.P50:F2} ms, p99 {s.P99:F2} ms");
        }

        text.AppendLine();
        text.AppendLine("## (b) Freshness").AppendLine();
        text.AppendLine("A user-personalization campaign on 300 imported users; each sample clicks the user's current top item (filter " +
            "`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")`) and times from the PutEvents 200 until a GetRecommendations " +
            "no longer returns it (that request's own latency included), with background PutEvents load (batches of 10) paced at " +
            "5,000 events/s, then saturating the machine.").AppendLine();
        foreach (var f in _freshness)
        {
            text.AppendLine("- " + Line(f) + ".");
        }
        text.AppendLine();
        text.AppendLine("## (c) kill -9 during load").AppendLine();
        text.AppendLine(Line(crash) + ".");
        File.WriteAllText(options.Results, text.ToString());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
