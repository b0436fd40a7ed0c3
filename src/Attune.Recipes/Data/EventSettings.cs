namespace Attune.Recipes.Data;

/// <summary>One eventsConfig entry (Personalize EventParameters); weight only matters relative to the others.</summary>
public sealed record EventParameters(string EventType, double? EventValueThreshold, double Weight);

/// <summary>
/// Event selection as Personalize configures it: the solution's eventType (keep only that type),
/// solutionConfig.eventValueThreshold (keep EVENT_VALUE ≥ threshold), eventsConfig (listed types only,
/// each with its weight and threshold), plus Attune's EVENT_VALUE weighting.
/// </summary>
public sealed record EventSettings
{
    public static EventSettings Default { get; } = new();

    public string? EventType { get; init; }

    public double? EventValueThreshold { get; init; }

    public IReadOnlyList<EventParameters> EventParameters { get; init; } = [];

    public EventValueWeighting ValueWeighting { get; init; }
}
