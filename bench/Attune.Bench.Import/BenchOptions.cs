using System.Globalization;

namespace Attune.Bench.Import;

/// <summary>Command line: <c>generate|import [--rows N] [--users N] [--items N] [--seed N] [--out DIR] [--results DIR] [--postgres CONNSTR]</c>.</summary>
internal sealed record BenchOptions(
    string Command, int Rows, int Users, int Items, int Seed, string OutDirectory, string ResultsDirectory, string? DataDirectory, string? Postgres)
{
    public const string Usage = """
        usage: Attune.Bench.Import generate [--rows 1000000] [--users 50000] [--items 20000] [--seed 42] [--out bench/data]
               Attune.Bench.Import import   [--rows 1000000] ... [--out bench/data] [--results bench/results] [--data DIR]
                                            [--postgres CONNSTR]
               Attune.Bench.Import recover  --data DIR
        import generates the data first when <out>/interactions.csv is missing; with --data it keeps the store in DIR
        (else a temp directory, deleted). recover opens that store as a restarted server would, discards interrupted
        imports and prints what is visible: kill -9 an import and run it to check crash safety. With --postgres (an Npgsql
        connection string) import measures the PostgreSQL stores (binary COPY) instead and appends its section to import.md.
        """;

    public string InteractionsFile => Path.Combine(OutDirectory, "interactions.csv");

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        return new BenchOptions(
            args.Length > 0 ? args[0] : string.Empty,
            Number("rows", 1_000_000),
            Number("users", 50_000),
            Number("items", 20_000),
            Number("seed", 42),
            Path.GetFullPath(values.GetValueOrDefault("out", Path.Combine("bench", "data"))),
            Path.GetFullPath(values.GetValueOrDefault("results", Path.Combine("bench", "results"))),
            values.TryGetValue("data", out var data) ? Path.GetFullPath(data) : null,
            values.GetValueOrDefault("postgres"));
    }
}
