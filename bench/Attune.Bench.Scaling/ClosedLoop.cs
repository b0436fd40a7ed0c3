using Attune.Bench.Load;

namespace Attune.Bench.Scaling;

/// <summary>
/// Closed-loop load spread over several front doors: each connection keeps one request in flight against its own
/// front door (connection i uses endpoint i mod N) and sends the next when the last answered.
/// </summary>
internal sealed class ClosedLoop(HttpClient http, IReadOnlyList<string> endpoints)
{
    private long _sequence;

    /// <summary>Runs <paramref name="connections"/> connections POSTing bodies from <paramref name="body"/> to <paramref name="path"/>.</summary>
    public Task<StepResult> RunAsync(string step, string path, Func<long, byte[]> body, int connections, TimeSpan duration)
    {
        var uris = Enumerable.Range(0, connections).Select(connection => new Uri(endpoints[connection % endpoints.Count] + path)).ToArray();
        return ClosedLoopRun.RunAsync(step, connections, duration, connection => SendAsync(uris[connection], body(Interlocked.Increment(ref _sequence))));
    }

    /// <summary>Whether one request answers 2xx.</summary>
    public Task<bool> SendAsync(Uri uri, byte[] body) => ClosedLoopRun.PostAsync(http, uri, body);
}
