using System.Globalization;
using Attune.Recipes.Data;

namespace Attune.Recipes.Tests;

/// <summary>Loads a dataset shipped in the repository's data/ folder (an interactions.csv without quoting).</summary>
internal static class RepositoryData
{
    public static InteractionData LoadInteractions(string dataset)
    {
        var builder = new InteractionDataBuilder();
        foreach (string line in File.ReadLines(Path.Combine(Folder(dataset), "interactions.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            builder.Add(f[0], f[1], long.Parse(f[2], CultureInfo.InvariantCulture), f[3], float.Parse(f[4], CultureInfo.InvariantCulture));
        }

        return builder.Build();
    }

    private static string Folder(string dataset) => Path.Combine(RepositoryRoot.Data, dataset);
}
