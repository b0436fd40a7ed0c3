namespace Attune.Filters;

/// <summary>What the parser produced: the expressions and what they reference.</summary>
internal sealed record ParsedFilter(
    IReadOnlyList<FilterClause> Clauses,
    IReadOnlyList<FilterField> Fields,
    IReadOnlySet<string> Parameters);
