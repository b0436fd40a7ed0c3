using System.Collections.Concurrent;
using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>
/// Live histories of embedded mode, where every event passes through this one process and every model loaded here
/// holds everything committed before its load. A principal's events since the process started are held here, in
/// memory, so a new user's first event costs a dictionary insert rather than a grain activation, and a user this
/// process never saw an event for has none to read. After <see cref="IdleAfter"/> without an append or a read,
/// <see cref="DropIdle"/> (every <see cref="SweepEvery"/>) frees a principal's events and its later appends and reads
/// go to its UserGrain, which reads the event log once when a read needs them. What stays per principal is a marker
/// (its key) that says "has live events".
/// </summary>
public sealed class InProcessHistories : ILiveHistories, ILiveHistoryWriter, IDisposable
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Group, string Principal), Principal> _principals = new();
    private readonly UserGrainHistories _dropped;
    private readonly TimeProvider _clock;
    private readonly ITimer _sweep;

    public InProcessHistories(UserGrainHistories dropped, TimeProvider clock)
    {
        _dropped = dropped;
        _clock = clock;
        _sweep = clock.CreateTimer(_ => DropIdle(), null, SweepEvery, SweepEvery);
    }

    public Task AppendAsync(string datasetGroupArn, string principal, LiveEvent[] events)
    {
        var entry = _principals.GetOrAdd((datasetGroupArn, principal), static _ => new Principal());
        lock (entry)
        {
            if (entry.Events is { } held)
            {
                held.Insert(events);
                entry.TouchedAt = _clock.GetTimestamp();
                return Task.CompletedTask;
            }
        }
        return _dropped.AppendAsync(datasetGroupArn, principal, events);
    }

    public ValueTask<LiveEvent[]> ReadAsync(string datasetGroupArn, string userId, long afterSequence)
    {
        if (!_principals.TryGetValue((datasetGroupArn, userId), out var entry))
        {
            return ValueTask.FromResult<LiveEvent[]>([]);
        }
        lock (entry)
        {
            if (entry.Events is { } held)
            {
                entry.TouchedAt = _clock.GetTimestamp();
                return ValueTask.FromResult(held.After(afterSequence));
            }
        }
        return _dropped.ReadAsync(datasetGroupArn, userId, afterSequence);
    }

    /// <summary>
    /// Removes the principal; its UserGrain is told only when this process had handed it over (dropped as idle), since
    /// otherwise no UserGrain of it holds anything.
    /// </summary>
    public Task ForgetAsync(string datasetGroupArn, string principal)
    {
        if (!_principals.TryRemove((datasetGroupArn, principal), out var entry))
        {
            return Task.CompletedTask;
        }
        lock (entry)
        {
            return entry.Events is null ? _dropped.ForgetAsync(datasetGroupArn, principal) : Task.CompletedTask;
        }
    }

    /// <summary>Frees the events of principals idle for <see cref="IdleAfter"/>; the UserGrain answers for them from then on.</summary>
    public void DropIdle()
    {
        foreach (var entry in _principals.Values)
        {
            lock (entry)
            {
                if (entry.Events is not null && _clock.GetElapsedTime(entry.TouchedAt) >= IdleAfter)
                {
                    entry.Events = null;
                }
            }
        }
    }

    public void Dispose() => _sweep.Dispose();

    private sealed class Principal
    {
        /// <summary>Every live event of the principal since the process started; null once dropped.</summary>
        public LiveEventList? Events = new();

        public long TouchedAt;
    }
}
