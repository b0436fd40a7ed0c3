using Attune.Grains.Live;

namespace Attune.Grains.Tests.Live;

public sealed class ItemActivityBufferTests
{
    [Fact]
    public async Task Counts_recorded_while_drains_run_are_each_drained_exactly_once()
    {
        // Drains never call the grain factory; only FlushAsync does.
        using var buffer = new ItemActivityBuffer(grains: null!);
        const int Recorders = 4, EventsEach = 50_000;
        var drained = new List<ItemActivityCounts>();

        var cancellation = TestContext.Current.CancellationToken;
        var recorders = Enumerable.Range(0, Recorders).Select(r => Task.Run(() =>
        {
            for (var i = 0; i < EventsEach; i++)
            {
                buffer.Record("group", $"item-{i % 7}", interactions: 1, impressions: 2);
            }
        }, cancellation)).ToArray();
        var drainer = Task.Run(() =>
        {
            while (!recorders.All(r => r.IsCompleted))
            {
                drained.AddRange(buffer.Drain());
            }
        }, cancellation);
        await Task.WhenAll([.. recorders, drainer]);
        drained.AddRange(buffer.Drain());

        Assert.Equal(Recorders * EventsEach, drained.Sum(a => a.Interactions));
        Assert.Equal(2L * Recorders * EventsEach, drained.Sum(a => (long)a.Impressions));
        Assert.Equal(7, drained.Select(a => a.ItemId).Distinct().Count());
        Assert.Empty(buffer.Drain());
    }
}
