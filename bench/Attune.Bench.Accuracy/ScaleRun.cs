using System.Diagnostics;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;

namespace Attune.Bench.Accuracy;

/// <summary>
/// Scale check: a generated dataset (Zipf item popularity, s = 1.0; 50 events per user on average, each user
/// with a Zipf-drawn "taste" offset so co-occurrences carry signal) trained with the shipped
/// aws-user-personalization defaults (and iALS and SIMS for comparison). Prints training seconds and peak memory.
/// </summary>
internal static class ScaleRun
{
    public static void Run(int interactions, int items, string resultsPath, int? rows = null)
    {
        var generate = Stopwatch.StartNew();
        var data = Generate(interactions, items, seed: 42);
        var report = new List<string>
        {
            $"# Training at scale ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)",
            "",
            $"Machine: {Environment.ProcessorCount} cores; `Attune.Bench.Accuracy scale --interactions {interactions} --items {items}`; "
                + $"load average at start: {LoadAverage()}.",
            $"Data: {data.Count:N0} generated interactions, {data.UserCount:N0} users, {data.ItemCount:N0} items (Zipf, s = 1).",
            "",
            "| model | train s | peak managed heap GiB | process peak working set GiB |",
            "|---|---|---|---|",
        };
        var notes = new List<string>();
        Console.WriteLine($"generated {data.Count:N0} interactions, {data.UserCount:N0} users, {data.ItemCount:N0} items in {generate.Elapsed.TotalSeconds:F1}s");
        (string Recipe, string Label, Dictionary<string, string> Overrides)[] runs =
        [
            ("aws-user-personalization", "aws-user-personalization (shipped: validated blend)", []),
            ("aws-user-personalization", "aws-user-personalization model=ease (the default before the blend)", new() { ["model"] = "ease" }),
            ("aws-user-personalization", "aws-user-personalization model=ials", new() { ["model"] = "ials" }),
            ("aws-sims", "aws-sims", []),
        ];
        foreach (var (recipeName, label, overrides) in runs.Take(rows ?? runs.Length))
        {
            var recipe = RecipeCatalog.Find(recipeName)!;
            using var measurement = new Measurement();
            var model = recipe.Train(data, EventSettings.Default, recipe.HyperParameters(overrides));
            measurement.Stop();
            var workingSet = Process.GetCurrentProcess().PeakWorkingSet64 / 1073741824.0;
            Console.WriteLine($"{label}: trained in {measurement.Seconds:F1}s, peak managed heap {measurement.PeakBytes / 1073741824.0:F2} GiB, process peak working set {workingSet:F2} GiB ({model.Kind})");
            report.Add($"| {label} | {measurement.Seconds:F1} | {measurement.PeakBytes / 1073741824.0:F2} | {workingSet:F2} |");
            if (model.TrainingNote is { } note)
            {
                Console.WriteLine($"  {note}");
                notes.Add($"* {label}: {note}");
            }
        }
        report.Add("");
        report.AddRange(notes);
        File.WriteAllLines(resultsPath, report);
        Console.WriteLine($"written to {resultsPath}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal static InteractionData Generate(int interactions, int items, int seed)
    {
        var random = new Random(seed);
        var cdf = new double[items];
        double total = 0;
        for (int i = 0; i < items; i++)
        {
            total += 1.0 / (i + 1);
            cdf[i] = total;
        }

        int userCount = Math.Max(1, interactions / 50);
        var users = new int[interactions];
        var itemColumn = new int[interactions];
        var timestamps = new long[interactions];
        for (int row = 0; row < interactions; row++)
        {
            int user = random.Next(userCount);
            // A user's items cluster around a personal offset in the popularity order.
            int offset = (int)((uint)(user * 2654435761u) % 1000);
            int rank = Array.BinarySearch(cdf, random.NextDouble() * total);
            rank = rank < 0 ? ~rank : rank;
            users[row] = user;
            itemColumn[row] = (rank + offset) % items;
            timestamps[row] = 1_600_000_000L + row;
        }

        return new InteractionData(users, itemColumn, timestamps, new int[interactions], new float[interactions],
            [.. Enumerable.Range(0, userCount).Select(u => "u" + u)], [.. Enumerable.Range(0, items).Select(i => "i" + i)], ["click"]);
    }
}
