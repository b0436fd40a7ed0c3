using System.Globalization;
using Attune.Recipes.Actions;
using Attune.Recipes.Data;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using TrainingInteractions = Attune.Recipes.Data.InteractionData;

namespace Attune.Grains.Training;

/// <summary>Turns a dataset group's Actions and Action_Interactions data into the next-best-action model's input.</summary>
public static class ActionDataLoader
{
    public static TrainingInteractions ReadInteractions(IDatasetStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = store.ReadInteractions(DatasetType.ActionInteractions);
        return new TrainingInteractions(stored.UserIndex, stored.ItemIndex, stored.Timestamp, stored.EventTypeIndex, stored.EventValue,
            stored.UserIds, stored.ItemIds, stored.EventTypes);
    }

    /// <summary>
    /// The Actions dataset as an <see cref="ActionCatalog"/>: in the store's order, or aligned with <paramref name="ids"/> (a
    /// served model's actions; one no longer stored keeps its id with no value, repeat frequency or expiration).
    /// Categorical columns of <paramref name="schema"/> become the model's metadata.
    /// </summary>
    public static ActionCatalog ReadCatalog(IDatasetStore store, AvroSchema schema, IReadOnlyList<string>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(schema);
        var entities = store.ReadEntities(DatasetType.Actions);
        var rowOf = new Dictionary<string, int>(entities.Count, StringComparer.Ordinal);
        for (var row = 0; row < entities.Count; row++)
        {
            rowOf[entities.Ids[row]] = row;
        }
        var order = ids?.ToArray() ?? entities.Ids;
        var rows = order.Select(id => rowOf.TryGetValue(id, out var row) ? row : -1).ToArray();
        object? Value(string column, int row) =>
            row >= 0 && entities.Columns.TryGetValue(column, out var values) ? values.Values[row] : null;
        long? AsLong(object? value) => value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);

        var categorical = schema.Fields
            .Where(f => f.Categorical && entities.Columns.ContainsKey(f.Name))
            .Select(f => new CategoricalColumn(f.Name, rows.Select(r => Value(f.Name, r)?.ToString()).ToArray()))
            .ToList();
        return new ActionCatalog(order,
            rows.Select(r => AsLong(Value("VALUE", r))).ToArray(),
            rows.Select(r => (int?)AsLong(Value("REPEAT_FREQUENCY", r))).ToArray(),
            rows.Select(r => AsLong(Value("EXPIRATION_TIMESTAMP", r))).ToArray(),
            categorical);
    }
}
