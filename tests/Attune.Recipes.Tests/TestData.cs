using Attune.Recipes.Data;

namespace Attune.Recipes.Tests;

/// <summary>Small deterministic interaction sets built row by row.</summary>
internal sealed class TestData
{
    private readonly List<(string User, string Item, long Time, string Type, float Value)> _rows = [];

    public TestData Add(string user, string item, long time, string type = "click", float value = float.NaN)
    {
        _rows.Add((user, item, time, type, value));
        return this;
    }

    /// <summary>Users u{cluster}_{n} each interact with the items of their cluster (c{cluster}_{k}) in order.</summary>
    public static TestData Clusters(int clusters, int usersPerCluster, int itemsPerCluster)
    {
        var data = new TestData();
        long time = 1000;
        for (int c = 0; c < clusters; c++)
        {
            for (int u = 0; u < usersPerCluster; u++)
            {
                for (int k = 0; k < itemsPerCluster; k++)
                {
                    // Each user skips one item so histories differ.
                    if (k != u % itemsPerCluster)
                    {
                        data.Add($"u{c}_{u}", $"c{c}_{k}", time++);
                    }
                }
            }
        }

        return data;
    }

    public InteractionData Build(ItemMetadata? metadata = null, IEnumerable<string>? extraItems = null)
    {
        var builder = new InteractionDataBuilder();
        foreach (var row in _rows)
        {
            builder.Add(row.User, row.Item, row.Time, row.Type, row.Value);
        }

        foreach (string item in extraItems ?? [])
        {
            builder.AddItem(item);
        }

        return builder.Build(metadata);
    }
}

internal static class InteractionDataExtensions
{
    public static int Item(this InteractionData data, string id) => Array.IndexOf(data.ItemIds, id);

    public static string Id(this InteractionData data, int item) => data.ItemIds[item];

    public static ModelHistory History(this InteractionData data, params string[] items)
        => new(items.Select(data.Item).ToArray());
}
