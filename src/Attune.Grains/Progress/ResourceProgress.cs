using System.Text.Json.Nodes;
using Attune.Storage.Resources;

namespace Attune.Grains.Progress;

/// <summary>
/// Writes a job's progress into one extra member of its Describe body (e.g. <c>rowsImported</c>) at most
/// twice a second, plus always the first report. Reports arrive on the worker's thread and are written
/// synchronously in place, so they never overwrite a status change and always land before the final status.
/// </summary>
public sealed class ResourceProgress<T>(IResourceRegistry registry, string arn, string member, Func<T, JsonNode> toJson, TimeProvider clock)
    : IProgress<T>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    public void Report(T value)
    {
        var now = clock.GetUtcNow();
        if (now - _lastWrite < Interval)
        {
            return;
        }
        _lastWrite = now;
        registry.SetBodyMemberAsync(arn, member, toJson(value).ToJsonString(), now.ToUnixTimeMilliseconds() / 1000.0)
            .GetAwaiter().GetResult();
    }
}
