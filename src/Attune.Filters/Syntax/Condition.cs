namespace Attune.Filters;

/// <summary>A node of the WHERE tree.</summary>
internal abstract record Condition;

internal sealed record AndCondition(IReadOnlyList<Condition> Operands) : Condition;

internal sealed record OrCondition(IReadOnlyList<Condition> Operands) : Condition;

/// <summary><c>Dataset.COLUMN op operand</c>; Position (1-based) points at the field for error messages.</summary>
internal sealed record Predicate(FilterField Field, ComparisonOperator Operator, Operand Operand, int Position) : Condition
{
    public bool IsOrdering => Operator is ComparisonOperator.Less or ComparisonOperator.LessOrEqual
        or ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual;

    public bool IsNegated => Operator is ComparisonOperator.NotIn or ComparisonOperator.NotEqual;
}
