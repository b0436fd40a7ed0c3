using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>Traces exported over OTLP when an endpoint is configured, and the runtime's meters on /metrics.</summary>
public sealed class TelemetryTests
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_GetRecommendations_is_one_trace_from_the_http_request_through_the_campaign_grain_to_shard_scoring()
    {
        var ct = TestContext.Current.CancellationToken;
        using var collector = new OtlpTraceReceiver();
        await using var server = new ServerProcess(extraArguments:
        [
            $"--Attune:Telemetry:OtlpEndpoint={collector.Endpoint}",
            "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "--OTEL_BSP_SCHEDULE_DELAY=100", // export within a tenth of a second instead of five
        ]);
        await server.StartAsync(ct);

        var result = await ExternalCommand.PythonAsync("traced_recommendation.py", server.Endpoint, ct, server.ObjectRoot);
        Assert.True(result.ExitCode == 0, $"{result}\n--- server output\n{server.Output}");
        var campaign = result.StandardOutput.Split('\n').Single(line => line.StartsWith("campaign ", StringComparison.Ordinal))["campaign ".Length..].Trim();

        var grain = await WaitForSpanAsync(collector, s => s.Name == "campaign.recommend" && s.Attributes.GetValueOrDefault("attune.campaign") == campaign, ct);
        // The HTTP request's span ends last, so it may come in a later export batch than the grain's.
        await WaitForSpanAsync(collector, s => s.TraceId == grain.TraceId && s.ParentSpanId.Length == 0, ct);
        var trace = collector.Spans.Where(s => s.TraceId == grain.TraceId).ToList();
        var context = string.Join("\n", trace.Select(s => $"{s.SpanId} <- {s.ParentSpanId}: {s.Name}"));
        var operation = trace.Single(s => s.Name == "GetRecommendations");
        Assert.True(Ancestors(trace, grain).Contains(operation), $"the campaign grain's span is not under the operation's:\n{context}");
        var request = trace.Single(s => s.ParentSpanId.Length == 0);
        Assert.True(request.Attributes.GetValueOrDefault("url.path") == "/recommendations", $"the root is not the HTTP request:\n{context}");
        Assert.True(Ancestors(trace, operation).Contains(request), context);
        var shards = trace.Where(s => s.Name == "shard.select").ToList();
        Assert.True(shards.Count > 0 && shards.All(s => Ancestors(trace, s).Contains(grain)), $"no shard scoring under the campaign grain:\n{context}");
    }

    [Fact]
    public async Task Metrics_carry_the_runtimes_gc_thread_pool_and_memory_meters()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        using var http = new HttpClient();

        var text = await http.GetStringAsync(new Uri($"{server.Endpoint}/metrics"), ct);

        foreach (var metric in (string[])["dotnet_gc_collections_total", "dotnet_gc_heap_total_allocated_bytes_total",
                     "dotnet_thread_pool_thread_count", "dotnet_thread_pool_queue_length", "dotnet_process_memory_working_set_bytes"])
        {
            Assert.True(text.Contains("\n" + metric, StringComparison.Ordinal), $"/metrics lacks {metric}:\n{text}");
        }
    }

    private static async Task<ReceivedSpan> WaitForSpanAsync(OtlpTraceReceiver collector, Func<ReceivedSpan, bool> match, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + ExportWait;
        while (DateTime.UtcNow < deadline)
        {
            if (collector.Spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"No such span exported within {ExportWait}; received: {string.Join(", ", collector.Spans.Select(s => s.Name).Distinct())}");
    }

    private static List<ReceivedSpan> Ancestors(List<ReceivedSpan> trace, ReceivedSpan span)
    {
        var ancestors = new List<ReceivedSpan>();
        for (var parent = trace.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null;
             parent = trace.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            ancestors.Add(parent);
        }
        return ancestors;
    }
}
