namespace Attune.Filters;

/// <summary>One of the requesting user's interactions: the item (or action) index and its event type.</summary>
public readonly record struct RecentInteraction(int Index, string EventType);
