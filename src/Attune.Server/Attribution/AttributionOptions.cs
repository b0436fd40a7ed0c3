namespace Attune.Server.Attribution;

/// <summary>Metric-attribution reports (section "Attune:Metrics", beside the online-metric settings).</summary>
public sealed class AttributionOptions
{
    public const string Section = "Attune:Metrics";

    /// <summary>How often each ACTIVE metric attribution's report is recomputed, written to its s3DataDestination and exported to /metrics.</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMinutes(1);
}
