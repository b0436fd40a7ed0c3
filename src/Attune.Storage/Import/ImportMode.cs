namespace Attune.Storage.Import;

/// <summary>Wire <c>importMode</c>: FULL replaces earlier bulk-imported rows, INCREMENTAL appends (upserts by id for entities).</summary>
public enum ImportMode
{
    Full,
    Incremental,
}
