using Attune.Storage.Datasets;

namespace Attune.Bench.Events;

/// <summary>What a kill -9 during load left: acknowledged events, and how many of them the restarted store lacks.</summary>
internal sealed record CrashResult(int Acknowledged, int Stored, int MissingFromStore, int MissingFromHistory, int Users, double KilledAfterSeconds);

/// <summary>
/// Puts events from several connections (an item of its own per event), kills the server with SIGKILL mid-load,
/// restarts it on the same data directory and looks every acknowledged event up in the group's store: among the
/// interactions training reads, and in its user's put history (what a UserGrain rebuilds from).
/// </summary>
internal static class CrashCheck
{
    public static async Task<CrashResult> RunAsync(EventServer server, EventLoad load, string groupArn, int connections, TimeSpan killAfter)
    {
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(connections, 10, TimeSpan.FromMinutes(10), uniqueItems: true, stop.Token);
        await Task.Delay(killAfter);
        await server.KillAsync();
        await stop.CancelAsync();
        var acknowledged = (await running).Acknowledged;
        await server.StartAsync();

        using var store = DatasetStore.Open(server.DataDirectory, groupArn);
        var data = store.ReadInteractions();
        var stored = data.ItemIds.ToHashSet(StringComparer.Ordinal);
        var missingFromStore = acknowledged.Count(a => !stored.Contains(a.ItemId));
        var missingFromHistory = 0;
        var byUser = acknowledged.GroupBy(a => a.UserId).ToList();
        foreach (var user in byUser)
        {
            var history = store.ReadPutEvents(user.Key, 0).Select(e => e.ItemId).ToHashSet(StringComparer.Ordinal);
            missingFromHistory += user.Count(a => !history.Contains(a.ItemId));
        }

        return new CrashResult(acknowledged.Count, data.Count, missingFromStore, missingFromHistory, byUser.Count, killAfter.TotalSeconds);
    }
}
