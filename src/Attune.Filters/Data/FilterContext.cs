namespace Attune.Filters;

/// <summary>
/// What one request's filter evaluation reads. A ref struct so the interactions can be a span over pooled or
/// grain-owned memory; build it right before <see cref="BoundFilter.Evaluate(in FilterContext, BitSet)"/>.
/// </summary>
public readonly ref struct FilterContext
{
    /// <summary>Personalize considers only the most recent 100 item interactions per user per event type...</summary>
    public const int PersonalizeInteractionsPerEventType = 100;

    /// <summary>... and the most recent 300 action interactions.</summary>
    public const int PersonalizeActionInteractionsPerEventType = 300;

    /// <param name="candidates">The rows being filtered: the Items table for ItemID filters, Users for UserID, Actions for ActionID.</param>
    public FilterContext(IAttributeTable candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Candidates = candidates;
    }

    public IAttributeTable Candidates { get; }

    /// <summary>ItemID/ActionID filters: the requesting user's interactions (item or action index), newest first.</summary>
    public ReadOnlySpan<RecentInteraction> Interactions { get; init; }

    /// <summary>
    /// Window per event type over <see cref="Interactions"/>: only the newest this many of each type count. Null (the
    /// default) reads the whole history, so an EXCLUDE of what the user bought leaks nothing; pass
    /// <see cref="PersonalizeInteractionsPerEventType"/> to behave as Personalize does.
    /// </summary>
    public int? InteractionsPerEventType { get; init; }

    /// <summary>UserID filters: the event types each candidate user has interactions of (build with ignoreCase).</summary>
    public CategoricalColumn? UserEventTypes { get; init; }

    /// <summary>The requesting user's row in the Users table, for IF CurrentUser clauses; default when unknown.</summary>
    public AttributeRow CurrentUser { get; init; }

    /// <summary>The request's item (related items), for CurrentItem references; default when none.</summary>
    public AttributeRow CurrentItem { get; init; }
}
