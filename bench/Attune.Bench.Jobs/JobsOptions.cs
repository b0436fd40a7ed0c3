using System.Globalization;

namespace Attune.Bench.Jobs;

/// <summary>Command line: <c>[--rows N] [--users N] [--delete N] [--data DIR] [--results DIR]</c>.</summary>
internal sealed record JobsOptions(int Rows, int Users, int Delete, string? DataDirectory, string ResultsDirectory)
{
    public const string Usage = """
        usage: Attune.Bench.Jobs [--rows 10000000] [--users 200000] [--delete 10000] [--data DIR] [--results bench/results]
        Generates an interactions CSV of --rows rows over --users users, imports it into a fresh SQLite dataset store,
        exports it (ingestionMode ALL) as 1,000,000-row CSV parts through the local object store, then deletes --delete
        users with the data deletion job's batches; prints the figures and writes them to <results>/jobs.md. The store
        lives in --data (kept) or a temp directory (deleted).
        """;

    public static JobsOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        return new JobsOptions(Number("rows", 10_000_000), Number("users", 200_000), Number("delete", 10_000),
            values.GetValueOrDefault("data"), Path.GetFullPath(values.GetValueOrDefault("results", Path.Combine("bench", "results"))));
    }
}
