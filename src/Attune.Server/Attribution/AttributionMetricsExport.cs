using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Attune.Server.Observability;

namespace Attune.Server.Attribution;

/// <summary>
/// The latest report of every metric attribution as the Prometheus series attune_metric_attribution_value, labelled
/// metric_attribution (ARN), metric_name, event_type and attribution_source: at most 10 metrics × 100 sources per
/// attribution (<see cref="AttributionCalculator.MaxSources"/>), one attribution per dataset group.
/// </summary>
internal sealed class AttributionMetricsExport
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<AttributionValue>> _reports = new(StringComparer.Ordinal);

    public AttributionMetricsExport(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meterFactory.Create(RequestMetrics.MeterName).CreateObservableGauge("attune.metric_attribution.value", Measure,
            description: "A metric attribution's metric (SUM or SAMPLECOUNT) over the events of one attribution source, as last reported.");
    }

    public void Set(string attributionArn, IReadOnlyList<AttributionValue> values) => _reports[attributionArn] = values;

    /// <summary>Drops the reports of attributions not in <paramref name="live"/> (deleted ones).</summary>
    public void Retain(IReadOnlySet<string> live)
    {
        foreach (var arn in _reports.Keys.Where(arn => !live.Contains(arn)))
        {
            _reports.TryRemove(arn, out _);
        }
    }

    private IEnumerable<Measurement<double>> Measure()
    {
        foreach (var (arn, values) in _reports)
        {
            foreach (var value in values)
            {
                yield return new Measurement<double>(value.Value,
                    new KeyValuePair<string, object?>("metric_attribution", arn),
                    new KeyValuePair<string, object?>("metric_name", value.MetricName),
                    new KeyValuePair<string, object?>("event_type", value.EventType),
                    new KeyValuePair<string, object?>("attribution_source", value.Source));
            }
        }
    }
}
