namespace Attune.Server.Observability;

/// <summary>Tracing export (section "Attune:Telemetry"); the standard OTEL_EXPORTER_OTLP_* variables work as well.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Attune:Telemetry";

    /// <summary>The OTLP collector's base URL (e.g. http://collector:4317); tracing is off while neither this nor OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
    public string? OtlpEndpoint { get; set; }
}
