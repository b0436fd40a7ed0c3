namespace Attune.Storage.Schemas;

/// <summary>What a required or reserved column must look like when present (<c>Categorical</c>: true must, false must not, null either).</summary>
internal sealed record ColumnRule(string Name, AvroType[] Types, bool MayBeNull, bool? Categorical = null, bool Textual = false)
{
    /// <summary>An id column (USER_ID, ITEM_ID, ACTION_ID): never counted as metadata.</summary>
    public bool IsIdentifier { get; init; }

    public void Check(SchemaField field, DatasetType type)
    {
        if (!Types.Contains(field.Type))
        {
            var allowed = string.Join(" or ", Types.Select(t => t.ToString().ToLowerInvariant()));
            throw new SchemaValidationException(
                $"Field '{field.Name}' of a {type.WireName()} schema must be of type {allowed}{(MayBeNull ? " (optionally with null)" : string.Empty)}, not {field.TypeText}.");
        }

        if (field.Nullable && !MayBeNull)
        {
            throw new SchemaValidationException($"Field '{field.Name}' of a {type.WireName()} schema must not be nullable.");
        }

        if (Categorical is { } categorical && field.Categorical != categorical)
        {
            throw new SchemaValidationException(categorical
                ? $"Field '{field.Name}' of a {type.WireName()} schema must be marked \"categorical\": true."
                : $"Field '{field.Name}' of a {type.WireName()} schema must not be categorical.");
        }

        if (Textual && !field.Textual)
        {
            throw new SchemaValidationException($"Field '{field.Name}' of a {type.WireName()} schema must be marked \"textual\": true.");
        }
    }
}
