using System.Text.Json;
using Attune.Contracts.Resources;
using Attune.Storage.Resources;

namespace Attune.Grains.Batch;

/// <summary>
/// A batch job's <c>jobProgress</c> member, written at most twice a second plus always the first report. Unlike
/// <see cref="Progress.ResourceProgress{T}"/>, which blocks its worker thread, this one is awaited: batch jobs report
/// from their grain's own scheduler, where blocking on the registry would wait on a continuation that needs the same thread.
/// </summary>
internal sealed class BatchProgress(IResourceRegistry registry, string jobArn, long total, TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    public async Task ReportAsync(long done)
    {
        var now = clock.GetUtcNow();
        if (now - _lastWrite < Interval)
        {
            return;
        }
        _lastWrite = now;
        var value = JsonSerializer.Serialize(new BatchJobProgress { LinesDone = done, LinesTotal = total });
        await registry.SetBodyMemberAsync(jobArn, BatchJobProgress.Member, value, now.ToUnixTimeMilliseconds() / 1000.0);
    }
}
