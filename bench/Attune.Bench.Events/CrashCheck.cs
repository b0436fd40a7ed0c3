namespace Attune.Bench.Events;

/// <summary>
/// Puts events from several connections (an item of its own per event), kills the server with SIGKILL mid-load,
/// restarts it on the same data directory and looks every acknowledged event up in the group's store: among the
/// interactions training reads, and in its user's put history (what a UserGrain rebuilds from).
/// </summary>
internal static class CrashCheck
{
    public static async Task<AcknowledgedCount> RunAsync(EventServer server, EventLoad load, string groupArn, int connections, TimeSpan killAfter)
    {
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(connections, 10, TimeSpan.FromMinutes(10), uniqueItems: true, stop.Token);
        await Task.Delay(killAfter);
        await server.KillAsync();
        await stop.CancelAsync();
        var acknowledged = (await running).Acknowledged;
        await server.StartAsync();
        return AcknowledgedCheck.Count(server.DataDirectory, groupArn, acknowledged);
    }
}
