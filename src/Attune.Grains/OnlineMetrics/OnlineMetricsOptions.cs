namespace Attune.Grains.OnlineMetrics;

/// <summary>Online metrics of campaigns and recommenders (section "Attune:Metrics", beside the attribution settings).</summary>
public sealed class OnlineMetricsOptions
{
    public const string Section = "Attune:Metrics";

    /// <summary>How long after a recommendation an event naming it counts for it.</summary>
    public TimeSpan OnlineWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How far back a resource's per-minute buckets go.</summary>
    public TimeSpan OnlineRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>At most this many recommendations per resource are remembered for matching events, the oldest forgotten first (the memory bound).</summary>
    public int OnlineRecommendationCap { get; set; } = 100_000;

    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { ("OnlineWindow", OnlineWindow), ("OnlineRetention", OnlineRetention) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{name} must be positive, not {value}";
            }
        }
        if (OnlineRecommendationCap < 1)
        {
            yield return $"{Section}:OnlineRecommendationCap must be at least 1, not {OnlineRecommendationCap}";
        }
    }
}
