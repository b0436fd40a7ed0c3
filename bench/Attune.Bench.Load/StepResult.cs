namespace Attune.Bench.Load;

/// <summary>One measured step: what was asked, what completed, and the latency percentiles in milliseconds.</summary>
internal sealed record StepResult(string Step, int Completed, int Failed, double Seconds, double P50, double P99, double P999, double Max)
{
    public double Throughput => Completed / Seconds;

    /// <summary>Latencies in Stopwatch ticks; sorts them.</summary>
    public static StepResult From(string step, List<long> ticks, int failed, double seconds)
    {
        ticks.Sort();
        double Percentile(double p) => ticks.Count == 0 ? double.NaN
            : ticks[Math.Min(ticks.Count - 1, (int)Math.Ceiling(p * ticks.Count) - 1)] * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        return new StepResult(step, ticks.Count, failed, seconds, Percentile(0.5), Percentile(0.99), Percentile(0.999), Percentile(1));
    }
}
