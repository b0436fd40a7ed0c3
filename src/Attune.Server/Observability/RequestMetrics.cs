using System.Diagnostics.Metrics;

namespace Attune.Server.Observability;

/// <summary>Per-operation request counts and latencies, exported at /metrics.</summary>
public sealed class RequestMetrics : IDisposable
{
    public const string MeterName = "Attune";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public RequestMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("attune.requests", "{request}", "API requests by service, operation and outcome.");
        _duration = _meter.CreateHistogram<double>("attune.request.duration", "s", "API request latency by service and operation.");
    }

    /// <summary>Counts one request; <c>outcome</c> is "ok" or the error code returned.</summary>
    public void Record(string service, string operation, string outcome, TimeSpan elapsed)
    {
        var tags = new System.Diagnostics.TagList { { "service", service }, { "operation", operation }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}
