using Attune.Storage.Schemas;

namespace Attune.Storage.Import;

/// <summary>Maps header columns onto schema fields (case-insensitive names) and rejects headers that do not fit the schema.</summary>
internal static class ColumnMap
{
    /// <summary>For each schema field, the header position holding it, or -1 when the (nullable) field is absent.</summary>
    public static int[] FromHeader(AvroSchema schema, IReadOnlyList<string> header)
    {
        var sources = new int[schema.Fields.Count];
        Array.Fill(sources, -1);
        var unknown = new List<string>();
        for (var column = 0; column < header.Count; column++)
        {
            var name = header[column].Trim();
            var index = IndexOf(schema, name);
            if (index < 0)
            {
                unknown.Add(name);
                continue;
            }

            if (sources[index] >= 0)
            {
                throw new ImportFailedException($"Input CSV has the column {name} more than once.");
            }

            sources[index] = column;
        }

        var missing = schema.Fields.Where((field, i) => sources[i] < 0 && !field.Nullable).Select(field => field.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFailedException($"Input CSV is missing the following columns: [{string.Join(", ", missing)}].");
        }

        if (unknown.Count > 0)
        {
            throw new ImportFailedException($"Input CSV has columns that are not in the schema: [{string.Join(", ", unknown)}].");
        }

        return sources;
    }

    private static int IndexOf(AvroSchema schema, string name)
    {
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            if (schema.Fields[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
