using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>Configured quotas through boto3: LimitExceededException on the (N+1)th filter, ThrottlingException (400) past a rate.</summary>
public sealed class QuotaTests
{
    [Fact]
    public async Task The_third_filter_exceeds_a_quota_of_two_and_a_spent_rate_throttles_with_a_retryable_400()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess(extraArguments:
        [
            "--Attune:Quotas:Defaults:FiltersPerDatasetGroup", "2",
            // One request per data-plane operation, then a token every 1,000 s: none within the test.
            "--Attune:Quotas:Accounts:000000000000:DataPlaneRequestsPerSecond", "0.001",
            "--Attune:Quotas:Accounts:000000000000:DataPlaneBurst", "1",
        ]);
        await server.StartAsync(ct);

        var result = await ExternalCommand.PythonAsync("quotas.py", server.Endpoint, ct);

        Assert.True(result.ExitCode == 0, $"quotas.py failed:\n{result}\n--- server output\n{server.Output}");
    }
}
