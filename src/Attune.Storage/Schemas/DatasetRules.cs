namespace Attune.Storage.Schemas;

/// <summary>
/// The column rules of one dataset type (in one domain). Items/Users/Actions count every non-required column as
/// metadata (<c>ReservedCountAsMetadata</c>); Interactions count only custom columns.
/// </summary>
internal sealed record DatasetRules(ColumnRule[] Required, ColumnRule[] Reserved, int MinMetadata, int MaxMetadata, bool ReservedCountAsMetadata)
{
    public string[] Forbidden { get; init; } = [];

    public void Check(AvroSchema schema, DatasetType type)
    {
        var wire = type.WireName();
        foreach (var rule in Required)
        {
            var field = schema.Find(rule.Name)
                ?? throw new SchemaValidationException($"A {wire} schema requires the field '{rule.Name}'.");
            rule.Check(field, type);
        }

        var metadata = 0;
        var textual = new List<string>();
        var itemNames = schema.Fields.Where(f => f.ItemName).Select(f => f.Name).ToList();
        foreach (var field in schema.Fields)
        {
            if (Forbidden.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw new SchemaValidationException($"Field '{field.Name}' is not allowed in a domain {wire} schema.");
            }

            if (field.Textual)
            {
                textual.Add(field.Name);
            }

            var required = Required.FirstOrDefault(r => r.Name.Equals(field.Name, StringComparison.OrdinalIgnoreCase));
            var reserved = Reserved.FirstOrDefault(r => r.Name.Equals(field.Name, StringComparison.OrdinalIgnoreCase));
            reserved?.Check(field, type);
            var known = required ?? reserved;
            if (known is null || (ReservedCountAsMetadata && !known.IsIdentifier))
            {
                metadata++;
            }
        }

        if (textual.Count > 0 && type != DatasetType.Items)
        {
            throw new SchemaValidationException($"Field '{textual[0]}' is marked \"textual\", which only an Items schema allows.");
        }

        if (itemNames.Count > 0 && type != DatasetType.Items)
        {
            throw new SchemaValidationException($"Field '{itemNames[0]}' is marked \"itemName\", which only an Items schema allows.");
        }

        if (itemNames.Count > 1)
        {
            throw new SchemaValidationException($"At most one itemName field is allowed; found {string.Join(", ", itemNames)}.");
        }

        if (textual.Count > 1)
        {
            throw new SchemaValidationException($"At most one textual field is allowed; found {string.Join(", ", textual)}.");
        }

        if (metadata < MinMetadata)
        {
            throw new SchemaValidationException($"A {wire} schema needs at least {MinMetadata} metadata field besides its id.");
        }

        if (metadata > MaxMetadata)
        {
            throw new SchemaValidationException($"A {wire} schema allows at most {MaxMetadata} metadata fields; found {metadata}.");
        }
    }
}
