using Attune.Recipes.Catalog;
using Attune.Recipes.Models;
using Attune.Storage.Artifacts;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Grains.Serving;

/// <summary>Reads a solution version's artifact and its dataset group's data into a <see cref="ServedModel"/>.</summary>
public static class ServedModelLoader
{
    /// <summary>
    /// Loads the version's model and its group's data. <paramref name="shardCount"/> says how many shards a model of n
    /// items is served by: with more than one, only the model's head is read here (the shards read their slices).
    /// </summary>
    public static ServedModel Load(IModelArtifacts artifacts, IDatasetStores datasets, string solutionVersionArn, string datasetGroupArn,
        RecipeDefinition recipe, Func<int, int> shardCount)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(shardCount);
        RecommendationModel model;
        using (var stream = artifacts.OpenModel(solutionVersionArn))
        {
            model = ModelSerializer.Read(stream, n => shardCount(n) > 1 ? HeldItems.None : HeldItems.All(n));
        }
        using var store = datasets.Open(datasetGroupArn);
        var (data, catalogue) = ReadData(store, model);
        return new ServedModel(solutionVersionArn, model, recipe, data, catalogue, shardCount(model.ItemCount));
    }

    public static (ServedData Data, ServedCatalogue Catalogue) ReadData(IDatasetStore store, RecommendationModel model)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        var itemIndex = new Dictionary<string, int>(model.ItemCount, StringComparer.Ordinal);
        for (int item = 0; item < model.ItemCount; item++)
        {
            itemIndex.TryAdd(model.ItemIds[item], item);
        }
        // Read before the interactions: a deletion committed in between is applied again later, which is harmless.
        var deletions = store.ReadDeletedUsers(long.MaxValue).Watermark;
        var interactions = store.ReadInteractions(DatasetType.Interactions);
        var activity = Activity(interactions, itemIndex, model.ItemIds);
        var catalogue = ReadCatalogue(store, activity);
        var data = new ServedData
        {
            DatasetGroupArn = store.DatasetGroupArn,
            LiveWatermark = interactions.PutWatermark,
            // In catalogue indices: interactions with items only the Items dataset has stay visible to Interactions filters.
            Histories = StoredHistories.Build(interactions, catalogue.ItemIndex, model.Events.EventTypeNames),
            Activity = activity,
            DeletionWatermark = deletions,
        };
        return (data, catalogue);
    }

    /// <summary>The group's Items and Users as they are now, around the model's items (and the <paramref name="previous"/> catalogue's).</summary>
    public static ServedCatalogue ReadCatalogue(IDatasetStore store, ItemActivity activity, ServedCatalogue? previous = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ServedCatalogue.Build(activity, store.ReadEntities(DatasetType.Items), store.ReadEntities(DatasetType.Users), previous);
    }

    private static ItemActivity Activity(Storage.Datasets.InteractionData interactions, Dictionary<string, int> itemIndex, IReadOnlyList<string> modelItemIds)
    {
        long latest = interactions.Count == 0 ? 0 : interactions.Timestamp.Max();
        var firstSeen = new long[modelItemIds.Count];
        Array.Fill(firstSeen, long.MaxValue);
        var counts = new int[modelItemIds.Count];
        var others = new Dictionary<string, (int Count, long FirstSeen)>(StringComparer.Ordinal);
        var map = interactions.ItemIds.Select(id => itemIndex.TryGetValue(id, out var index) ? index : -1).ToArray();
        for (int row = 0; row < interactions.Count; row++)
        {
            int item = map[interactions.ItemIndex[row]];
            long timestamp = interactions.Timestamp[row];
            if (item >= 0)
            {
                counts[item]++;
                firstSeen[item] = Math.Min(firstSeen[item], timestamp);
            }
            else
            {
                var id = interactions.ItemIds[interactions.ItemIndex[row]];
                var (count, first) = others.GetValueOrDefault(id, (0, long.MaxValue));
                others[id] = (count + 1, Math.Min(first, timestamp));
            }
        }
        return new ItemActivity(modelItemIds, firstSeen, counts, latest, others);
    }
}
