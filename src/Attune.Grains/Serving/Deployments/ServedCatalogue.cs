using System.Globalization;
using Attune.Storage.Datasets;

namespace Attune.Grains.Serving;

/// <summary>
/// The items and users a served model answers about: the model's items (indices 0..<see cref="ModelItemCount"/>-1),
/// then the items only the Items dataset has (put after training, or never interacted with), which exploration and
/// metadata similarity make recommendable. Rebuilt when PutItems or PutUsers change the data; requests read whichever
/// catalogue was current when they started.
/// </summary>
public sealed class ServedCatalogue
{
    private const int NeighborsPerNewItem = 5;

    public required int ModelItemCount { get; init; }

    public required string[] ItemIds { get; init; }

    /// <summary>Item id → index (the first index when an id repeats).</summary>
    public required IReadOnlyDictionary<string, int> ItemIndex { get; init; }

    /// <summary>Items metadata (filters on Items, metadataColumns), row i being item i.</summary>
    public required EntityAttributes Items { get; init; }

    /// <summary>Users metadata (IF CurrentUser ...), rows as <see cref="UserRows"/> says.</summary>
    public required EntityAttributes Users { get; init; }

    public required IReadOnlyDictionary<string, int> UserRows { get; init; }

    /// <summary>Epoch seconds each item became available: CREATION_TIMESTAMP, else its first interaction, else "now".</summary>
    public required long[] CreatedAt { get; init; }

    /// <summary>Interactions per item in the model's data (exploration favours items that have few).</summary>
    public required int[] InteractionCounts { get; init; }

    /// <summary>The newest interaction's timestamp: "now" for item ages, so historical datasets explore like live ones.</summary>
    public required long LatestTimestamp { get; init; }

    /// <summary>For each item past the model's: the model items whose metadata is most like it (best first).</summary>
    public required int[][] NewItemNeighbors { get; init; }

    public int Count => ItemIds.Length;

    /// <summary>
    /// The model's items with Personalize's item-age rule (CREATION_TIMESTAMP, else first interaction), then the Items
    /// dataset's ids the model lacks, with their metadata neighbours. A refresh passes the <paramref name="previous"/>
    /// catalogue: every item it had keeps its index, because the served histories hold catalogue indices. An item the
    /// Items dataset no longer has (a FULL import dropped it) keeps its place but is never explored.
    /// </summary>
    public static ServedCatalogue Build(ItemActivity activity, EntityData items, EntityData users, ServedCatalogue? previous = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(users);
        var itemIds = new List<string>(activity.ModelItemIds);
        var itemIndex = new Dictionary<string, int>(itemIds.Count + items.Count, StringComparer.Ordinal);
        for (int item = 0; item < itemIds.Count; item++)
        {
            itemIndex.TryAdd(itemIds[item], item);
        }
        foreach (var id in previous?.ItemIds.Skip(previous.ModelItemCount) ?? [])
        {
            if (itemIndex.TryAdd(id, itemIds.Count))
            {
                itemIds.Add(id);
            }
        }
        foreach (var id in items.Ids)
        {
            if (itemIndex.TryAdd(id, itemIds.Count))
            {
                itemIds.Add(id);
            }
        }
        int modelCount = activity.ModelItemIds.Count;
        var createdAt = new long[itemIds.Count];
        var counts = new int[itemIds.Count];
        for (int item = 0; item < itemIds.Count; item++)
        {
            var (count, firstSeen) = item < modelCount
                ? (activity.Counts[item], activity.FirstSeen[item])
                : activity.Others.GetValueOrDefault(itemIds[item], (0, long.MaxValue));
            createdAt[item] = firstSeen != long.MaxValue ? firstSeen : activity.LatestTimestamp;
            counts[item] = count;
        }
        if (previous is not null)
        {
            var listed = items.Ids.ToHashSet(StringComparer.Ordinal);
            for (int item = modelCount; item < itemIds.Count; item++)
            {
                if (!listed.Contains(itemIds[item]))
                {
                    createdAt[item] = long.MinValue; // dropped from the Items dataset: too old to explore
                }
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
        var attributes = EntityAttributes.Build(items, itemIds);
        return new ServedCatalogue
        {
            ModelItemCount = modelCount,
            ItemIds = [.. itemIds],
            ItemIndex = itemIndex,
            Items = attributes,
            Users = EntityAttributes.Build(users, users.Ids),
            UserRows = users.Ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row, StringComparer.Ordinal),
            CreatedAt = createdAt,
            InteractionCounts = counts,
            LatestTimestamp = activity.LatestTimestamp,
            NewItemNeighbors = MetadataNeighbors.Find(attributes, modelCount, itemIds.Count, NeighborsPerNewItem),
        };
    }
}

/// <summary>
/// What the stored interactions say about the items: first interaction and interaction count of each model item, the
/// same for items the model does not know (<paramref name="Others"/>, by id), and the newest timestamp.
/// </summary>
public sealed record ItemActivity(
    IReadOnlyList<string> ModelItemIds, long[] FirstSeen, int[] Counts, long LatestTimestamp,
    IReadOnlyDictionary<string, (int Count, long FirstSeen)> Others);
