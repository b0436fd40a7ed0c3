namespace Attune.Filters;

/// <summary>IF CurrentUser conditions: each tests one row; an unknown user or an absent table satisfies none.</summary>
internal static class RowEvaluator
{
    public static bool AllHold(IReadOnlyList<Predicate> conditions, AttributeRow user)
    {
        foreach (var condition in conditions)
        {
            if (!Holds(condition, user))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(Predicate condition, AttributeRow user)
    {
        if (!user.Exists)
        {
            return false;
        }

        var table = user.Table!;
        if (table.TryGetCategorical(condition.Field.Column, out var categorical))
        {
            var ids = OperandResolver.CategoricalIds(condition, categorical, default)!;
            return ValueMatch.Categorical(condition.Operator, categorical.ValueIdsOf(user.Index), ids);
        }

        if (table.TryGetNumeric(condition.Field.Column, out var numeric))
        {
            return ValueMatch.Numeric(condition.Operator, numeric.Span[user.Index], OperandResolver.Numbers(condition, default));
        }

        throw ColumnEvaluator.MissingColumn(condition.Field);
    }
}
