using System.Globalization;
using Attune.Recipes.Data;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using StoredInteractions = Attune.Storage.Datasets.InteractionData;
using TrainingInteractions = Attune.Recipes.Data.InteractionData;

namespace Attune.Grains.Training;

/// <summary>Turns a dataset group's stored interactions and item metadata into the recipes' columnar input.</summary>
public static class TrainingDataLoader
{
    /// <summary>Everything training reads; <paramref name="excludedItemColumns"/> are Items columns trainingDataConfig.excludedDatasetColumns leaves out.</summary>
    public static TrainingInteractions Load(IDatasetStore store, AvroSchema? itemsSchema, IReadOnlySet<string>? excludedItemColumns = null)
    {
        var stored = store.ReadInteractions(DatasetType.Interactions);
        var metadata = itemsSchema is null ? null : ReadItemMetadata(store, stored, itemsSchema, excludedItemColumns ?? new HashSet<string>());
        return new TrainingInteractions(
            stored.UserIndex, stored.ItemIndex, stored.Timestamp, stored.EventTypeIndex, stored.EventValue,
            stored.UserIds, stored.ItemIds, stored.EventTypes, metadata);
    }

    /// <summary>
    /// Item columns that can inform a model, aligned with the interaction item indices: categorical strings,
    /// numbers, the textual column and CREATION_TIMESTAMP. Plain (non-categorical) strings are for filters only.
    /// </summary>
    private static ItemMetadata ReadItemMetadata(IDatasetStore store, StoredInteractions stored, AvroSchema schema, IReadOnlySet<string> excluded)
    {
        var items = store.ReadEntities(DatasetType.Items);
        var rowOf = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var row = 0; row < items.Count; row++)
        {
            rowOf[items.Ids[row]] = row;
        }
        var rows = stored.ItemIds.Select(id => rowOf.TryGetValue(id, out var row) ? row : -1).ToArray();

        var categorical = new List<CategoricalColumn>();
        var numeric = new List<NumericColumn>();
        string?[]? text = null;
        long?[]? created = null;
        foreach (var field in schema.Fields)
        {
            if (!items.Columns.TryGetValue(field.Name, out var column) || field.Name.Equals("ITEM_ID", StringComparison.OrdinalIgnoreCase)
                || excluded.Contains(field.Name))
            {
                continue;
            }
            if (field.Name.Equals("CREATION_TIMESTAMP", StringComparison.OrdinalIgnoreCase))
            {
                created = rows.Select(r => r < 0 ? null : AsLong(column.Values[r])).ToArray();
            }
            else if (field.Textual)
            {
                text = rows.Select(r => r < 0 ? null : column.Values[r]?.ToString()).ToArray();
            }
            else if (field.Categorical)
            {
                categorical.Add(new(field.Name, rows.Select(r => r < 0 ? null : column.Values[r]?.ToString()).ToArray()));
            }
            else if (field.Type is AvroType.Int or AvroType.Long or AvroType.Float or AvroType.Double)
            {
                numeric.Add(new(field.Name, rows.Select(r => r < 0 ? float.NaN : AsFloat(column.Values[r])).ToArray()));
            }
        }
        return new ItemMetadata { Categorical = categorical, Numeric = numeric, Text = text, CreationTimestamps = created };
    }

    private static long? AsLong(object? value) => value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static float AsFloat(object? value) => value is null ? float.NaN : Convert.ToSingle(value, CultureInfo.InvariantCulture);
}
