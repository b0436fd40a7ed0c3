using Attune.Contracts.Resources;

namespace Attune.Server.Attribution;

/// <summary>One reported figure: a metric's value over the events one source brought.</summary>
internal sealed record AttributionValue(string MetricName, string EventType, string Expression, string Source, double Value);

/// <summary>
/// Adds events up into a metric attribution's figures, as Personalize attributes them: the event's
/// eventAttributionSource when it has one, else the campaign or recommender its recommendationId came from, else
/// SOURCE_NAME_UNDEFINED. SUM adds the column (events whose value is empty add nothing), SAMPLECOUNT counts events.
/// At most <see cref="MaxSources"/> sources per attribution (Personalize's limit); later ones are folded into
/// <see cref="OtherSources"/>, so the output and the Prometheus series stay bounded. O(metrics) per event.
/// </summary>
internal sealed class AttributionCalculator(
    IReadOnlyList<(MetricAttribute Metric, MetricExpression Expression)> metrics,
    Func<string, string?> recommendationSource)
{
    public const int MaxSources = 100;
    public const string Undefined = "SOURCE_NAME_UNDEFINED";
    public const string OtherSources = "OTHER_SOURCES";

    private readonly Dictionary<(int Metric, string Source), double> _values = [];
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);

    /// <summary>One event; <paramref name="value"/> reads a SUM column (Interactions: the event's, Items: its item's), null when empty.</summary>
    public void Add(string eventType, string? attributionSource, string? recommendationId, Func<MetricExpression, double?> value)
    {
        string? source = null;
        for (var i = 0; i < metrics.Count; i++)
        {
            var (metric, expression) = metrics[i];
            if (!string.Equals(metric.EventType, eventType, StringComparison.Ordinal))
            {
                continue;
            }
            source ??= Bounded(SourceOf(attributionSource, recommendationId));
            var amount = expression.IsSum ? value(expression) : 1;
            if (amount is { } number)
            {
                _values[(i, source)] = _values.GetValueOrDefault((i, source)) + number;
            }
            else
            {
                _values.TryAdd((i, source), 0);
            }
        }
    }

    /// <summary>Every (metric, source) that saw an event, by metric then source.</summary>
    public IReadOnlyList<AttributionValue> Values() =>
        [.. _values.OrderBy(v => v.Key.Metric).ThenBy(v => v.Key.Source, StringComparer.Ordinal)
            .Select(v => new AttributionValue(metrics[v.Key.Metric].Metric.MetricName, metrics[v.Key.Metric].Metric.EventType,
                metrics[v.Key.Metric].Metric.Expression, v.Key.Source, v.Value))];

    private string SourceOf(string? attributionSource, string? recommendationId)
    {
        if (!string.IsNullOrEmpty(attributionSource))
        {
            return attributionSource;
        }
        return recommendationId is { Length: > 0 } && recommendationSource(recommendationId) is { } served ? served : Undefined;
    }

    private string Bounded(string source)
    {
        if (_sources.Contains(source))
        {
            return source;
        }
        if (_sources.Count >= MaxSources)
        {
            return OtherSources;
        }
        _sources.Add(source);
        return source;
    }
}
