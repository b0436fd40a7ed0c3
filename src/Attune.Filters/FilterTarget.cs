namespace Attune.Filters;

/// <summary>What a filter selects: the word after INCLUDE/EXCLUDE.</summary>
public enum FilterTarget
{
    /// <summary><c>ItemID</c>: items for item recommendations and rankings.</summary>
    Item,

    /// <summary><c>UserID</c>: users for user segments (batch segment jobs).</summary>
    User,

    /// <summary><c>ActionID</c>: actions for next-best-action recommendations.</summary>
    Action,
}
