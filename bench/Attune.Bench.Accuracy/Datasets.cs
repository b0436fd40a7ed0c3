namespace Attune.Bench.Accuracy;

internal static class Datasets
{
    public static IEnumerable<string> Folders(string dataRoot, string? only)
        => Directory.GetDirectories(dataRoot)
            .Where(d => File.Exists(Path.Combine(d, "interactions.csv")))
            .Where(d => only is null || Path.GetFileName(d) == only)
            .Order(StringComparer.Ordinal);
}
