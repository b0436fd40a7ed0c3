namespace Attune.Bench.Events;

/// <summary>One step of (d): closed-loop batches of 10 from a user pool, and the server's memory around it.</summary>
internal sealed record UserPoolResult(int Pool, LoadResult Step, long Users, MemorySample Before, MemorySample After)
{
    /// <summary>GC heap growth per user the step touched: for a pool of new users, what each one's live state costs.</summary>
    public double HeapBytesPerUser => (After.GcHeapBytes - Before.GcHeapBytes) / (double)Users;

    public double ResidentBytesPerUser => (After.ResidentBytes - Before.ResidentBytes) / (double)Users;
}

/// <summary>
/// (d) Ingest from many distinct users: the same load from a few hot users and from users new to the server (each
/// request a user never seen), with the server's memory after each.
/// </summary>
internal static class UserPools
{
    /// <summary>How long after a step the memory is sampled: the heap figure is the one after the last collection.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Per pool, longer than the item-activity flush (5 s), so the items' grains are active and the code paths of hot
    /// and of new users compiled before a step is measured (whichever step came first was measured slower without it).
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(8);

    public static async Task<List<UserPoolResult>> RunAsync(HttpClient http, EventServer server, EventLoad load, EventOptions options)
    {
        foreach (var pool in options.UserPools.Distinct())
        {
            await load.RunAsync(options.UserConnections, 10, WarmUp, uniqueItems: false, CancellationToken.None, userPool: pool);
        }
        var results = new List<UserPoolResult>();
        foreach (var pool in options.UserPools)
        {
            var before = await MemorySample.TakeAsync(http, server);
            var step = await load.RunAsync(options.UserConnections, 10, TimeSpan.FromSeconds(options.Seconds), uniqueItems: false,
                CancellationToken.None, userPool: pool);
            await Task.Delay(Settle);
            results.Add(new UserPoolResult(pool, step, Math.Min(pool, step.Requests + step.Failures), before, await MemorySample.TakeAsync(http, server)));
        }

        return results;
    }
}
