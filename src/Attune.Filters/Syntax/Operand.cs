namespace Attune.Filters;

/// <summary>The right-hand side of a condition.</summary>
internal abstract record Operand;

/// <summary>Quoted values (or, after binding, the values of a parameter): a match on any of them.</summary>
internal sealed record ValuesOperand(IReadOnlyList<string> Values) : Operand;

/// <summary><c>"*"</c>: any event type.</summary>
internal sealed record AnyOperand : Operand
{
    public static AnyOperand Instance { get; } = new();
}

internal sealed record NumberOperand(double Value, string Text) : Operand;

/// <summary><c>$NAME</c>, replaced by its filterValues when the filter is bound.</summary>
internal sealed record ParameterOperand(string Name) : Operand;

/// <summary><c>CurrentItem.COLUMN</c>: the value(s) of the request's item.</summary>
internal sealed record CurrentItemOperand(string Column) : Operand;
