namespace Attune.Filters;

internal enum ComparisonOperator
{
    In,
    NotIn,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
