namespace Attune.Storage.Datasets;

/// <summary>
/// The states of a bulk import in a dataset group's import ledger, the same in every backend: <see cref="Staging"/> →
/// <see cref="Committed"/> (→ <see cref="Superseded"/> → <see cref="Replaced"/> once a FULL import replaced it).
/// Only committed rows are visible, so a crash at any point leaves the dataset as it was.
/// </summary>
public static class ImportStates
{
    public const string Staging = "staging";
    public const string Committed = "committed";
    public const string Superseded = "superseded";
    public const string Replaced = "replaced";
}
