using System.Globalization;
using Attune.Contracts.Resources;
using Attune.Recipes.Data;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using StoredInteractions = Attune.Storage.Datasets.InteractionData;
using TrainingInteractions = Attune.Recipes.Data.InteractionData;

namespace Attune.Grains.Training;

/// <summary>Turns a dataset group's stored interactions and item metadata into the recipes' columnar input.</summary>
public static class TrainingDataLoader
{
    /// <summary>Interactions columns that are not contextual metadata (ids, the event columns, impressions, attribution).</summary>
    private static readonly HashSet<string> ReservedInteractionFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE", "IMPRESSION", "RECOMMENDATION_ID", "EVENT_ATTRIBUTION_SOURCE",
    };

    /// <summary>
    /// The training input; <paramref name="columns"/> (solutionConfig.trainingDataConfig) chooses which Items and
    /// Interactions columns train, as Personalize's includedDatasetColumns / excludedDatasetColumns do.
    /// </summary>
    public static TrainingInteractions Load(IDatasetStore store, AvroSchema? itemsSchema, AvroSchema? interactionsSchema = null,
        TrainingDataConfig? columns = null)
    {
        var stored = store.ReadInteractions(DatasetType.Interactions);
        var metadata = itemsSchema is null ? null : ReadItemMetadata(store, stored, itemsSchema, Trains("ITEMS", columns));
        return new TrainingInteractions(
            stored.UserIndex, stored.ItemIndex, stored.Timestamp, stored.EventTypeIndex, stored.EventValue,
            stored.UserIds, stored.ItemIds, stored.EventTypes, metadata)
        {
            Contexts = interactionsSchema is null ? [] : ReadContexts(store, stored.Count, interactionsSchema, Trains("INTERACTIONS", columns)),
        };
    }

    /// <summary>Whether trainingDataConfig lets a column of <paramref name="datasetType"/> train (all do without it).</summary>
    private static Func<SchemaField, bool> Trains(string datasetType, TrainingDataConfig? columns)
    {
        if (ColumnsOf(columns?.IncludedDatasetColumns, datasetType) is { } included)
        {
            return field => included.Contains(field.Name, StringComparer.OrdinalIgnoreCase);
        }
        if (ColumnsOf(columns?.ExcludedDatasetColumns, datasetType) is { } excluded)
        {
            return field => !excluded.Contains(field.Name, StringComparer.OrdinalIgnoreCase);
        }
        return _ => true;
    }

    /// <summary>The dataset type's list; keys are matched case-insensitively (Personalize's examples write ITEMS and Items).</summary>
    private static IReadOnlyList<string>? ColumnsOf(IReadOnlyDictionary<string, IReadOnlyList<string>>? byDataset, string datasetType) =>
        byDataset?.FirstOrDefault(entry => entry.Key.Equals(datasetType, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// The contextual metadata columns (categorical strings beyond the reserved fields, e.g. DEVICE), aligned with the
    /// interactions read just before: a column read later may hold rows added since, which are cut off.
    /// </summary>
    private static List<ContextColumn> ReadContexts(IDatasetStore store, int rows, AvroSchema schema, Func<SchemaField, bool> trains)
    {
        var columns = new List<ContextColumn>();
        foreach (var field in schema.Fields.Where(f => f.IsString && f.Categorical && !ReservedInteractionFields.Contains(f.Name) && trains(f)))
        {
            var values = store.ReadInteractionColumn(field.Name, DatasetType.Interactions);
            var aligned = new string?[rows];
            for (var row = 0; row < Math.Min(rows, values.Length); row++)
            {
                aligned[row] = values[row]?.ToString();
            }
            columns.Add(new ContextColumn(field.Name, aligned));
        }
        return columns;
    }

    /// <summary>
    /// Item columns that can inform a model, aligned with the interaction item indices: categorical strings,
    /// numbers, the textual column and CREATION_TIMESTAMP. Plain (non-categorical) strings are for filters only.
    /// </summary>
    private static ItemMetadata ReadItemMetadata(IDatasetStore store, StoredInteractions stored, AvroSchema schema, Func<SchemaField, bool> trains)
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
        foreach (var field in schema.Fields.Where(trains))
        {
            if (!items.Columns.TryGetValue(field.Name, out var column) || field.Name.Equals("ITEM_ID", StringComparison.OrdinalIgnoreCase))
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
