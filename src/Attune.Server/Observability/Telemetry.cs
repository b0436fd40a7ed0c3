using Attune.Grains.Diagnostics;
using Attune.Server.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Attune.Server.Observability;

/// <summary>
/// Runtime metrics (GC, heap, thread pool, lock contention, exceptions: the "System.Runtime" meter) on /metrics, and
/// tracing, which is off unless an OTLP endpoint is configured: then the "Attune" spans (front door operation, campaign
/// grain, shard scoring, imports, trainings), ASP.NET Core's request spans and Orleans' grain-call spans, with the
/// trace context carried through grain calls, go to that endpoint. Off, nothing listens to the "Attune" source and no
/// grain call filter is added, so serving pays nothing for it.
/// </summary>
internal static class Telemetry
{
    /// <summary>Attune's own key for the collector's base URL; the standard OTEL_EXPORTER_OTLP_* settings work as well.</summary>
    public const string OtlpEndpointKey = $"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpEndpoint)}";

    private const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string StandardTracesEndpointKey = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    /// <summary>Orleans' grain-call spans, started by its activity propagation filters.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static void AddAttuneTelemetry(this WebApplicationBuilder builder, ClusterModeOptions mode)
    {
        var telemetry = builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddRuntimeInstrumentation());
        if (!TracingConfigured(builder.Configuration))
        {
            return;
        }
        if (builder.Configuration[OtlpEndpointKey] is { Length: > 0 } endpoint)
        {
            // The exporter reads the standard key; Attune's has the same meaning (the base URL) and wins.
            builder.Configuration.AddInMemoryCollection([new(StandardEndpointKey, endpoint)]);
        }
        telemetry.WithTracing(tracing => tracing
            .AddSource(AttuneActivities.SourceName)
            .AddSource(OrleansSources)
            .AddAspNetCoreInstrumentation()
            .AddOtlpExporter());
        if (mode.Role == ServerRole.Silo)
        {
            builder.UseOrleans(silo => silo.AddActivityPropagation());
        }
        else
        {
            builder.UseOrleansClient(client => client.AddActivityPropagation());
        }
    }

    private static bool TracingConfigured(ConfigurationManager configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey])
        || !string.IsNullOrWhiteSpace(configuration[StandardEndpointKey])
        || !string.IsNullOrWhiteSpace(configuration[StandardTracesEndpointKey]);
}
