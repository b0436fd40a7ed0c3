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
        var builder = new InteractionDataBuilder();
        foreach (string line in File.ReadLines(Path.Combine(folder, "interactions.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            builder.Add(f[0], f[1], long.Parse(f[2], CultureInfo.InvariantCulture), f[3], float.Parse(f[4], CultureInfo.InvariantCulture));
        }

        return builder.Build();
    }
}
