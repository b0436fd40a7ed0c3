using System.Diagnostics;

namespace Attune.Storage.Import;

/// <summary>Forwards the first report and then at most one per <c>interval</c>, so callers can persist each report cheaply.</summary>
internal sealed class ThrottledProgress(IProgress<long> inner, TimeSpan interval) : IProgress<long>
{
    private readonly Stopwatch _sinceLast = new();

    public void Report(long value)
    {
        if (_sinceLast.IsRunning && _sinceLast.Elapsed < interval)
        {
            return;
        }

        _sinceLast.Restart();
        inner.Report(value);
    }
}
