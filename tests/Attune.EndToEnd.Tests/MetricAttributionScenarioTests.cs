using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// The boto3 metric-attribution and online-metrics scenario (scripts/metric_attribution.py) on a server that
/// publishes reports every second, so the figures computed by hand in the script can be awaited.
/// </summary>
public sealed class MetricAttributionScenarioTests
{
    [Fact]
    public async Task Attribution_reports_and_online_metrics_equal_the_scripted_stream_counted_by_hand()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess(null, ["--Attune:Metrics:PublishInterval", "00:00:01"]);
        await server.StartAsync(ct);
        var result = await ExternalCommand.PythonAsync("metric_attribution.py", server.Endpoint, ct, server.ObjectRoot);
        Assert.True(result.ExitCode == 0, $"metric_attribution.py failed:\n{result}\n--- server output\n{server.Output}");
    }
}
