namespace Attune.Filters;

/// <summary>Whether an expression keeps (INCLUDE) or removes (EXCLUDE) what it matches.</summary>
public enum FilterAction
{
    Include,
    Exclude,
}
