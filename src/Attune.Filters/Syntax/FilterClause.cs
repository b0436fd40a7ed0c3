namespace Attune.Filters;

/// <summary>
/// One pipe-separated expression: <c>INCLUDE ItemID WHERE ... [IF ...]</c>. Dataset is that of the first condition,
/// which all WHERE conditions share; UserConditions are the IF clause's CurrentUser tests (all must hold), empty without IF.
/// </summary>
internal sealed record FilterClause(
    FilterAction Action,
    FilterTarget Target,
    FilterDataset Dataset,
    Condition Where,
    IReadOnlyList<Predicate> UserConditions);
