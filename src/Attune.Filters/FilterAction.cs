namespace Attune.Filters;

/// <summary>Whether an expression keeps (INCLUDE) or removes (EXCLUDE) what it matches.</summary>
internal enum FilterAction
{
    Include,
    Exclude,
}
