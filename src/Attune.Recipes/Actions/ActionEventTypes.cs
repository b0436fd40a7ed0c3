namespace Attune.Recipes.Actions;

/// <summary>
/// Action-interaction EVENT_TYPE values: TAKEN is the positive; NOT_TAKEN and VIEWED are exposures without taking.
/// Personalize's docs also spell them "Taken", "Not Taken", "Viewed", so case, spaces and underscores are ignored.
/// </summary>
public static class ActionEventTypes
{
    public const string Taken = "TAKEN";
    public const string NotTaken = "NOT_TAKEN";
    public const string Viewed = "VIEWED";

    public static IReadOnlyList<string> All { get; } = [Taken, NotTaken, Viewed];

    /// <summary>The canonical name of <paramref name="eventType"/>, or null when it is none of the three.</summary>
    public static string? Canonical(string? eventType)
    {
        var key = eventType?.Trim().Replace(' ', '_').ToUpperInvariant();
        return All.FirstOrDefault(name => name == key);
    }
}
