using System.Diagnostics;

namespace Attune.Grains.Diagnostics;

/// <summary>
/// The "Attune" trace spans: the front door's operation, the campaign grain, each shard's scoring, imports and
/// trainings. Nothing listens unless tracing is configured (an OTLP endpoint), and then
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null at the cost of one check: callers
/// tag through <c>activity?.</c> so an unobserved request allocates nothing for tracing.
/// </summary>
public static class AttuneActivities
{
    public const string SourceName = "Attune";

    public static readonly ActivitySource Source = new(SourceName);
}
