using System.Globalization;
using Attune.Recipes.Catalog;
using Attune.Recipes.Models;
using Attune.Storage.Artifacts;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Grains.Serving;

/// <summary>Reads a solution version's artifact and its dataset group's data into a <see cref="ServedModel"/>.</summary>
public static class ServedModelLoader
{
    public static ServedModel Load(IModelArtifacts artifacts, IDatasetStores datasets, string solutionVersionArn, string datasetGroupArn,
        RecipeDefinition recipe)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(datasets);
        RecommendationModel model;
        using (var stream = artifacts.OpenModel(solutionVersionArn))
        {
            model = ModelSerializer.Read(stream);
        }
        using var store = datasets.Open(datasetGroupArn);
        return new ServedModel(solutionVersionArn, model, recipe, ReadData(store, model));
    }

    public static ServedData ReadData(IDatasetStore store, RecommendationModel model)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        var itemIndex = new Dictionary<string, int>(model.ItemCount, StringComparer.Ordinal);
        for (int item = 0; item < model.ItemCount; item++)
        {
            itemIndex.TryAdd(model.ItemIds[item], item);
        }
        var interactions = store.ReadInteractions(DatasetType.Interactions);
        var items = store.ReadEntities(DatasetType.Items);
        var users = store.ReadEntities(DatasetType.Users);
        var (createdAt, counts, latest) = ItemAges(interactions, items, itemIndex, model.ItemCount);
        return new ServedData
        {
            ItemIndex = itemIndex,
            Items = EntityAttributes.Build(items, model.ItemIds),
            Users = EntityAttributes.Build(users, users.Ids),
            UserRows = users.Ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row, StringComparer.Ordinal),
            Histories = UserHistories.Build(interactions, itemIndex, model.Events.EventTypeNames),
            CreatedAt = createdAt,
            InteractionCounts = counts,
            LatestTimestamp = latest,
        };
    }

    /// <summary>
    /// Personalize's item age rule: CREATION_TIMESTAMP when the Items dataset has one, else the item's oldest
    /// interaction, else the newest interaction of the data (the item counts as new).
    /// </summary>
    private static (long[] CreatedAt, int[] Counts, long Latest) ItemAges(
        Storage.Datasets.InteractionData interactions, EntityData items, Dictionary<string, int> itemIndex, int itemCount)
    {
        long latest = interactions.Count == 0 ? 0 : interactions.Timestamp.Max();
        var createdAt = new long[itemCount];
        Array.Fill(createdAt, long.MaxValue);
        var counts = new int[itemCount];
        var map = interactions.ItemIds.Select(id => itemIndex.TryGetValue(id, out var index) ? index : -1).ToArray();
        for (int row = 0; row < interactions.Count; row++)
        {
            int item = map[interactions.ItemIndex[row]];
            if (item >= 0)
            {
                counts[item]++;
                createdAt[item] = Math.Min(createdAt[item], interactions.Timestamp[row]);
            }
        }
        if (items.Columns.TryGetValue("CREATION_TIMESTAMP", out var created))
        {
            for (int row = 0; row < items.Count; row++)
            {
                if (created.Values[row] is { } value && itemIndex.TryGetValue(items.Ids[row], out var item))
                {
                    createdAt[item] = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                }
            }
        }
        for (int item = 0; item < itemCount; item++)
        {
            if (createdAt[item] == long.MaxValue)
            {
                createdAt[item] = latest;
            }
        }
        return (createdAt, counts, latest);
    }
}
