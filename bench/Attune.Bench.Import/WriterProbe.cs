using System.Diagnostics;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Bench.Import;

/// <summary>
/// Plays a live-event writer during an import: one PutEvents-style write to the same group every 20 ms, timing
/// how long each waits for and holds the group's write lock.
/// </summary>
internal sealed class WriterProbe : IDisposable
{
    private readonly List<double> _latenciesMs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public WriterProbe(IDatasetStore store, AvroSchema schema)
    {
        _thread = new Thread(() => Loop(store, schema)) { IsBackground = true, Name = "writer-probe" };
        _thread.Start();
    }

    public (int Writes, double P50Ms, double P99Ms, double MaxMs) Stop()
    {
        _stop.Cancel();
        _thread.Join();
        var sorted = _latenciesMs.Order().ToArray();
        return sorted.Length == 0
            ? (0, 0, 0, 0)
            : (sorted.Length, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)], sorted[^1]);
    }

    public void Dispose() => _stop.Dispose();

    private void Loop(IDatasetStore store, AvroSchema schema)
    {
        var clock = new Stopwatch();
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var record = new Dictionary<string, string?>
            {
                ["USER_ID"] = "live-user",
                ["ITEM_ID"] = "i" + (n % 100),
                ["TIMESTAMP"] = "1700000000",
                ["EVENT_TYPE"] = "click",
                ["EVENT_VALUE"] = "1",
            };
            clock.Restart();
            store.Put(DatasetType.Interactions, schema, [record]);
            _latenciesMs.Add(clock.Elapsed.TotalMilliseconds);
            _stop.Token.WaitHandle.WaitOne(20);
        }
    }
}
