namespace Attune.Filters;

/// <summary>
/// <c>Interactions.EVENT_TYPE IN (...)</c>: for item and action filters, the indexes the requesting user interacted
/// with by a listed event type (case-insensitive), in the whole history or within the newest N of each event type, O(interactions);
/// for user filters, the users having such an event type, via the inverted index.
/// </summary>
internal static class InteractionEvaluator
{
    public static void ForRequestingUser(Predicate predicate, ReadOnlySpan<RecentInteraction> interactions, int perEventType, Span<ulong> dest, int length)
    {
        dest.Clear();
        if (predicate.Operand is AnyOperand)
        {
            AnyEventType(interactions, perEventType, dest, length);
        }
        else
        {
            var eventTypes = ((ValuesOperand)predicate.Operand).Values;
            Span<int> seen = eventTypes.Count <= 64 ? stackalloc int[eventTypes.Count] : new int[eventTypes.Count];
            foreach (var interaction in interactions)
            {
                var listed = IndexOf(eventTypes, interaction.EventType);
                if (listed >= 0 && seen[listed]++ < perEventType && (uint)interaction.Index < (uint)length)
                {
                    Bits.Set(dest, interaction.Index);
                }
            }
        }

        if (predicate.IsNegated)
        {
            Bits.Complement(dest, length);
        }
    }

    public static void ForUsers(Predicate predicate, CategoricalColumn? userEventTypes, Span<ulong> dest, int length)
    {
        if (userEventTypes is null)
        {
            throw new InvalidOperationException($"The filter reads {predicate.Field}; FilterContext.UserEventTypes must be set for UserID filters");
        }

        var ids = predicate.Operand is AnyOperand
            ? Enumerable.Range(0, userEventTypes.ValueCount).ToArray()
            : OperandResolver.CategoricalIds(predicate, userEventTypes, default);
        ColumnEvaluator.Categorical(predicate, userEventTypes, ids, dest, length);
    }

    private static void AnyEventType(ReadOnlySpan<RecentInteraction> interactions, int perEventType, Span<ulong> dest, int length)
    {
        // Only a history longer than the window can hold an event type beyond it; count per type only then.
        var seen = interactions.Length > perEventType ? new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) : null;
        foreach (var interaction in interactions)
        {
            if (seen is not null)
            {
                seen.TryGetValue(interaction.EventType, out var count);
                seen[interaction.EventType] = count + 1;
                if (count >= perEventType)
                {
                    continue;
                }
            }

            if ((uint)interaction.Index < (uint)length)
            {
                Bits.Set(dest, interaction.Index);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> eventTypes, string eventType)
    {
        for (var i = 0; i < eventTypes.Count; i++)
        {
            if (string.Equals(eventTypes[i], eventType, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
