using System.Text;
using System.Text.Json;
using Attune.Contracts.Resources;
using Attune.Storage.Objects;
using Attune.Storage.Resources;
using Microsoft.Extensions.Options;

namespace Attune.Server.Attribution;

/// <summary>
/// Every <see cref="AttributionOptions.PublishInterval"/>, recomputes the report of each ACTIVE metric attribution,
/// writes it whole to <c>&lt;s3DataDestination.path&gt;/&lt;name&gt;/attribution-metrics.jsonl</c> (one JSON line per
/// metric and attribution source) and hands it to <see cref="AttributionMetricsExport"/>. Reports are totals over the
/// stored events, so every silo of a cluster computes and writes the same report (the write replaces the object).
/// </summary>
internal sealed partial class AttributionPublisher(
    IResourceRegistry registry, AttributionReports reports, AttributionMetricsExport export, IObjectStore objects,
    IOptions<AttributionOptions> options, TimeProvider clock, ILogger<AttributionPublisher> log) : BackgroundService
{
    public const string ReportFile = "attribution-metrics.jsonl";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PublishInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PublishAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PublishAllAsync(CancellationToken cancellationToken)
    {
        var live = new HashSet<string>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var page = await registry.ListAsync(ResourceKinds.MetricAttribution, "arn:", null, after, 100, cancellationToken);
            foreach (var record in page.Items.Where(r => r.Status == ResourceStatus.Active))
            {
                live.Add(record.Arn);
                try
                {
                    await PublishAsync(DescribeBody.Read<MetricAttributionRecord>(record.Body), cancellationToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogPublishFailed(log, record.Arn, error);
                }
            }
            if (page.NextSequence is not { } next)
            {
                break;
            }
            after = next;
        }
        export.Retain(live);
    }

    private async Task PublishAsync(MetricAttributionRecord attribution, CancellationToken cancellationToken)
    {
        var values = await reports.ComputeAsync(attribution, cancellationToken);
        export.Set(attribution.MetricAttributionArn, values);
        if (attribution.MetricsOutputConfig.S3DataDestination is not { Path.Length: > 0 } destination)
        {
            return;
        }
        var uri = $"{destination.Path.TrimEnd('/')}/{attribution.Name}/{ReportFile}";
        var generatedAt = clock.GetUtcNow().ToUnixTimeSeconds();
        await objects.WriteAsync(uri, async (stream, token) =>
        {
            var text = new StringBuilder();
            foreach (var value in values)
            {
                text.Append(JsonSerializer.Serialize(new
                {
                    metricAttributionArn = attribution.MetricAttributionArn,
                    metricName = value.MetricName,
                    eventType = value.EventType,
                    expression = value.Expression,
                    eventAttributionSource = value.Source,
                    value = value.Value,
                    generatedAt,
                })).Append('\n');
            }
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), token);
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The report of metric attribution {Arn} was not published")]
    private static partial void LogPublishFailed(ILogger logger, string arn, Exception error);
}
