namespace Attune.Bench.Accuracy;

/// <summary>The reference tables at the end of the data README: dataset → rows of "| model | NDCG@10 | ... |".</summary>
internal static class ReferenceFigures
{
    public static IReadOnlyList<string[]> For(string dataRoot, string dataset)
    {
        string path = Path.Combine(dataRoot, "README.md");
        if (!File.Exists(path))
        {
            return [];
        }

        var rows = new List<string[]>();
        bool inSection = false;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("**", StringComparison.Ordinal))
            {
                inSection = line.StartsWith($"**{dataset}**", StringComparison.Ordinal);
                continue;
            }

            if (inSection && line.StartsWith('|') && !line.StartsWith("| model", StringComparison.Ordinal) && !line.StartsWith("|---", StringComparison.Ordinal))
            {
                rows.Add([.. line.Trim('|').Split('|').Select(c => c.Trim())]);
            }
        }

        return rows;
    }
}
