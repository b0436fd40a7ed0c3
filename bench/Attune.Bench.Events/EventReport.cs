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
    private readonly List<UserPoolResult> _users = [];

    public void Add(LoadResult step) => _steps.Add(step);

    public void AddReference(LoadResult step) => _references.Add(step);

    public void Add(FreshnessResult freshness) => _freshness.Add(freshness);

    public void Add(UserPoolResult users) => _users.Add(users);

    public static string Line(UserPoolResult u) => string.Create(CultureInfo.InvariantCulture,
        $"users pool {u.Pool,9:N0}: {Line(u.Step)}; {u.Users:N0} users, server GC heap {Mb(u.After.GcHeapBytes)} MB " +
        $"({u.HeapBytesPerUser:N0} bytes per user), RSS {Mb(u.After.ResidentBytes)} MB ({u.ResidentBytesPerUser:N0} bytes per user), " +
        $"grain activations {u.Before.Activations:N0} -> {u.After.Activations:N0}");

    /// <summary>Section (d) alone, replacing the one in the results file (for <c>--only users</c>).</summary>
    public void WriteUsersSection()
    {
        var text = File.Exists(options.Results) ? File.ReadAllText(options.Results) : string.Empty;
        var start = text.IndexOf(UsersHeading, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("\n## ", start + UsersHeading.Length, StringComparison.Ordinal);
        var section = UsersSection();
        text = start < 0 ? text.TrimEnd() + "\n\n" + section : text[..start] + section + (end < 0 ? string.Empty : "\n" + text[(end + 1)..]);
        File.WriteAllText(options.Results, text);
    }

    private const string UsersHeading = "## (d) Many distinct users";

    private string UsersSection()
    {
        var text = new StringBuilder();
        text.AppendLine(UsersHeading).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Batches of 10 from {options.UserConnections} connections, {options.Seconds:F0} s per pool; each request's user is the pool's next, so a pool");
        text.AppendLine("larger than the requests sent makes every request a user new to the server. Memory sampled 5 s after each step");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"(GC heap after the last collection, from the System.Runtime meter); load average {LoadAverage()} at the end.").AppendLine();
        text.AppendLine("| user pool | users | events/s | vs hot | p50 ms | p99 ms | failed | GC heap MB | heap bytes/user | RSS MB | activations |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var hot = _users.Count == 0 ? double.NaN : _users.MinBy(u => u.Pool)!.Step.EventsPerSecond; // the smallest pool: hot users
        foreach (var u in _users)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {u.Pool:N0} | {u.Users:N0} | {u.Step.EventsPerSecond:N0} | {u.Step.EventsPerSecond / hot:F2} | {u.Step.P50:F2} | {u.Step.P99:F2} | " +
                $"{u.Step.Failures} | {Mb(u.After.GcHeapBytes)} | {u.HeapBytesPerUser:N0} | {Mb(u.After.ResidentBytes)} | {u.After.Activations:N0} |");
        }
        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

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
        text.AppendLine(Line(crash) + ".").AppendLine();
        text.Append(UsersSection());
        File.WriteAllText(options.Results, text.ToString());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
