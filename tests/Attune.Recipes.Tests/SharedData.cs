using System.Globalization;
using Attune.Recipes.Data;

namespace Attune.Recipes.Tests;

/// <summary>Finds the repository's shared/data folder (read-only) and loads an interactions.csv without quoting.</summary>
internal static class SharedData
{
    public static string? Folder(string dataset)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (string candidate in new[] { Path.Combine(dir.FullName, "shared", "data", dataset), Path.Combine(dir.FullName, "..", "shared", "data", dataset) })
            {
                if (File.Exists(Path.Combine(candidate, "interactions.csv")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static InteractionData LoadInteractions(string folder)
    {
        var users = new Dictionary<string, int>();
        var items = new Dictionary<string, int>();
        var types = new Dictionary<string, int>();
        List<int> u = [], i = [], t = [];
        List<long> time = [];
        List<float> value = [];
        foreach (string line in File.ReadLines(Path.Combine(folder, "interactions.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            u.Add(users.TryAdd(f[0], users.Count) ? users.Count - 1 : users[f[0]]);
            i.Add(items.TryAdd(f[1], items.Count) ? items.Count - 1 : items[f[1]]);
            time.Add(long.Parse(f[2], CultureInfo.InvariantCulture));
            t.Add(types.TryAdd(f[3], types.Count) ? types.Count - 1 : types[f[3]]);
            value.Add(float.Parse(f[4], CultureInfo.InvariantCulture));
        }

        return new InteractionData([.. u], [.. i], [.. time], [.. t], [.. value], [.. users.Keys], [.. items.Keys], [.. types.Keys]);
    }
}
