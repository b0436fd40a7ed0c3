using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A metric attribution as DescribeMetricAttribution answers it, plus its metrics (what ListMetricAttributionMetrics
/// pages over). Owned by MetricAttributionOperations (one per dataset group).
/// </summary>
public sealed record MetricAttributionRecord
{
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("metricAttributionArn")] public string MetricAttributionArn { get; init; } = string.Empty;
    [JsonPropertyName("datasetGroupArn")] public string DatasetGroupArn { get; init; } = string.Empty;
    [JsonPropertyName("metricsOutputConfig")] public MetricsOutputConfig MetricsOutputConfig { get; init; } = new();
    [JsonPropertyName("metrics")] public IReadOnlyList<MetricAttribute> Metrics { get; init; } = [];
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}

/// <summary>One metric: the events of <see cref="EventType"/> measured by <see cref="Expression"/> (SUM(...) or SAMPLECOUNT()).</summary>
public sealed record MetricAttribute
{
    [JsonPropertyName("eventType")] public string EventType { get; init; } = string.Empty;
    [JsonPropertyName("metricName")] public string MetricName { get; init; } = string.Empty;
    [JsonPropertyName("expression")] public string Expression { get; init; } = string.Empty;
}

/// <summary>Where reports go: s3DataDestination (the object store) with the role Personalize would assume (stored, not used).</summary>
public sealed record MetricsOutputConfig
{
    [JsonPropertyName("s3DataDestination")] public S3DataConfig? S3DataDestination { get; init; }
    [JsonPropertyName("roleArn")] public string RoleArn { get; init; } = string.Empty;
}
