using System.Diagnostics;

namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>For fault tests: wait until the load has been answered, rather than a fixed time a starved CI host may not meet.</summary>
internal static class LoadStart
{
    public static async Task WaitForAnswersAsync(Func<int> answered, int atLeast, TimeSpan limit, CancellationToken cancellationToken)
    {
        for (var waited = Stopwatch.StartNew(); answered() < atLeast && waited.Elapsed < limit;)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
