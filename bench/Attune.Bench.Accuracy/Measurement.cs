using System.Diagnostics;

namespace Attune.Bench.Accuracy;

/// <summary>Wall time and peak managed heap (sampled every 10 ms) of one training run.</summary>
internal sealed class Measurement : IDisposable
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Timer _sampler;
    private long _peakBytes;

    public Measurement()
    {
        GC.Collect();
        _peakBytes = GC.GetTotalMemory(false);
        _sampler = new Timer(_ => Sample(), null, 0, 10);
    }

    public double Seconds => _watch.Elapsed.TotalSeconds;

    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    public void Stop()
    {
        _watch.Stop();
        Sample();
        _sampler.Dispose();
    }

    public void Dispose() => _sampler.Dispose();

    private void Sample()
    {
        long now = GC.GetTotalMemory(false);
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peakBytes);
        }
        while (now > seen && Interlocked.CompareExchange(ref _peakBytes, now, seen) != seen);
    }
}
