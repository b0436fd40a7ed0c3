using Attune.Storage.Schemas;

namespace Attune.Storage.Datasets;

/// <summary>Items, users or actions with the requested metadata columns, one row per id.</summary>
public sealed class EntityData
{
    public required string[] Ids { get; init; }

    /// <summary>True for rows from a bulk import, false for rows written by PutItems/PutUsers/PutActions.</summary>
    public required bool[] FromBulkImport { get; init; }

    /// <summary>Columns by schema field name (case-insensitive).</summary>
    public required IReadOnlyDictionary<string, EntityColumn> Columns { get; init; }

    public int Count => Ids.Length;
}

/// <summary>
/// One metadata column: values are <see cref="int"/>, <see cref="long"/>, <see cref="double"/> (float and double
/// fields), <see cref="bool"/> or <see cref="string"/> as the field type says, null where empty.
/// </summary>
public sealed record EntityColumn(string Name, AvroType Type, object?[] Values);
