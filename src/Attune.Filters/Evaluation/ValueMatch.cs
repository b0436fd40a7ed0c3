namespace Attune.Filters;

/// <summary>
/// The per-row truth of a condition once its operand is resolved. Nulls (NaN, no categorical value) never satisfy
/// =, !=, &lt;, &lt;=, &gt;, &gt;=; NOT IN is the complement of IN, so rows without a value pass NOT IN.
/// </summary>
internal static class ValueMatch
{
    /// <summary>
    /// For IN, =, NOT IN and != the targets are the values to match; ordering operators use one threshold.
    /// A NaN target (the current item's null) equals nothing and differs from nothing.
    /// </summary>
    public static bool Numeric(ComparisonOperator op, double value, ReadOnlySpan<double> targets) => op switch
    {
        ComparisonOperator.In or ComparisonOperator.Equal => EqualsAny(value, targets),
        ComparisonOperator.NotIn => !EqualsAny(value, targets),
        ComparisonOperator.NotEqual => DiffersFromAll(value, targets),
        ComparisonOperator.Less => value < targets[0],
        ComparisonOperator.LessOrEqual => value <= targets[0],
        ComparisonOperator.Greater => value > targets[0],
        _ => value >= targets[0],
    };

    public static bool Categorical(ComparisonOperator op, ReadOnlySpan<int> rowValues, ReadOnlySpan<int> targets)
    {
        var any = rowValues.ContainsAny(targets);
        return op switch
        {
            ComparisonOperator.In or ComparisonOperator.Equal => any,
            ComparisonOperator.NotIn => !any,
            _ => !rowValues.IsEmpty && !any,
        };
    }

    private static bool EqualsAny(double value, ReadOnlySpan<double> targets)
    {
        foreach (var target in targets)
        {
            if (value == target)
            {
                return true;
            }
        }

        return false;
    }

    private static bool DiffersFromAll(double value, ReadOnlySpan<double> targets)
    {
        foreach (var target in targets)
        {
            if (!(value < target || value > target))
            {
                return false;
            }
        }

        return true;
    }
}
