using System.Globalization;
using Attune.Contracts.Live;
using Attune.Grains.Live;

namespace Attune.Bench.InProcess;

/// <summary>
/// What embedded mode's <see cref="InProcessHistories"/> costs per user: the managed heap (after full collections)
/// for users who each sent 10 events (fresh strings per event, as parsed requests bring them), and after those users
/// went idle and their events were freed (the marker that remains).
/// </summary>
internal static class LiveUserMemoryProbe
{
    private const string Group = "arn:aws:personalize:us-east-1:000000000000:dataset-group/bench";

    public static async Task<IEnumerable<string>> RunAsync(int users)
    {
        var clock = new SteppedClock();
        using var histories = new InProcessHistories(new UserGrainHistories(null!), clock); // no user is idle-dropped before the grain would be asked
        long before = Heap();
        long sequence = 0;
        for (int user = 0; user < users; user++)
        {
            var events = new LiveEvent[10];
            for (int e = 0; e < events.Length; e++)
            {
                sequence++;
                events[e] = new LiveEvent(sequence, "item-" + (sequence % 5000).ToString(CultureInfo.InvariantCulture),
                    e % 2 == 0 ? new string("click") : new string("view"), float.NaN, 1_700_000_000 + sequence);
            }
            await histories.AppendAsync(Group, "user-" + user.ToString("D7", CultureInfo.InvariantCulture), events);
        }
        long held = Heap();
        clock.Advance(InProcessHistories.IdleAfter);
        histories.DropIdle();
        long dropped = Heap();
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"| {users:N0} users, 10 events each, held | {(held - before) / (double)users:N0} |"),
            string.Create(CultureInfo.InvariantCulture, $"| the same users after {InProcessHistories.IdleAfter.TotalMinutes:F0} idle minutes (events freed) | {(dropped - before) / (double)users:N0} |"),
        ];
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;
    }
}
