using System.Globalization;
using System.Text;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;

namespace Attune.Bench.Accuracy;

/// <summary>
/// Every recipe (and the compared user-personalization models) on every dataset with the protocol of
/// DESIGN.md: train on the test split's training data, rank for the test users, print and write a table
/// beside the README's reference figures.
/// </summary>
internal static class AccuracyRun
{
    private static readonly (string Label, string Recipe, Dictionary<string, string> Overrides)[] Runs =
    [
        ("aws-user-personalization (shipped: validated blend)", "aws-user-personalization", []),
        ("  compared: EASE + transitions (the default before the blend)", "aws-user-personalization", new() { ["model"] = "ease" }),
        ("  compared: EASE, no transition term", "aws-user-personalization", new() { ["model"] = "ease", ["transition_weight"] = "0" }),
        ("  compared: plain EASE (λ=200, top 3000 items, no recency, no transitions)", "aws-user-personalization", new()
        {
            ["model"] = "ease", ["lambda"] = "200", ["recency_mask"] = "false", ["transition_weight"] = "0", ["neighbors"] = "5000",
        }),
        ("  compared: item-kNN cosine + transitions", "aws-user-personalization", new() { ["model"] = "item_knn" }),
        ("  compared: iALS (CG, f=64, 15 it)", "aws-user-personalization", new() { ["model"] = "ials" }),
        ("aws-user-personalization-v2", "aws-user-personalization-v2", []),
        ("aws-personalized-ranking(-v2) (full catalogue)", "aws-personalized-ranking", []),
        ("aws-popularity-count", "aws-popularity-count", []),
        ("aws-trending-now", "aws-trending-now", []),
        ("aws-sims", "aws-sims", []),
        ("aws-similar-items", "aws-similar-items", []),
    ];

    /// <summary>Runs the first <paramref name="rows"/> rows of <see cref="Runs"/> (all when null) on each dataset.</summary>
    public static void Run(string dataRoot, string outputPath, string? only, int? rows = null)
    {
        var report = new StringBuilder();
        report.AppendLine("# Accuracy (protocol of shared/DESIGN.md)").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores; `dotnet run -c Release --project bench/Attune.Bench.Accuracy -- accuracy`. ")
            .AppendLine(CultureInfo.InvariantCulture, $"Load average at start (machine shared with other builds): {LoadAverage()}. ")
            .AppendLine("Train s = training on the split's training data, after one warm-up training on a small generated set (JIT); peak MB = peak managed heap during training. ")
            .AppendLine("aws-hrnn, aws-hrnn-metadata, aws-hrnn-coldstart, aws-item-affinity and aws-item-attribute-affinity train the aws-user-personalization model.")
            .AppendLine();
        var shipped = RecipeCatalog.Find(Runs[0].Recipe)!;
        shipped.Train(ScaleRun.Generate(interactions: 50_000, items: 2_000, seed: 1), EventSettings.Default, shipped.HyperParameters(Runs[0].Overrides));
        foreach (string folder in Datasets.Folders(dataRoot, only))
        {
            string dataset = Path.GetFileName(folder);
            var data = CsvDataset.Load(folder);
            var split = HoldoutSplit.Create(data, HoldoutSplit.TestBucket);
            var training = split.Training();
            string header = $"**{dataset}**: {split.Users.Count} test users, {split.HeldOutItemCount} held-out items, {training.Count:N0} training interactions";
            Console.WriteLine(header);
            report.AppendLine(header).AppendLine();
            report.AppendLine("| model | NDCG@10 | NDCG@25 | precision@10 | MRR@25 | coverage@25 | train s | peak MB |");
            report.AppendLine("|---|---|---|---|---|---|---|---|");
            var notes = new List<string>();
            foreach (var (label, recipeName, overrides) in Runs.Take(rows ?? Runs.Length))
            {
                var recipe = RecipeCatalog.Find(recipeName)!;
                using var measurement = new Measurement();
                var model = recipe.Train(training, EventSettings.Default, recipe.HyperParameters(overrides));
                measurement.Stop();
                var m = OfflineEvaluator.Evaluate(model, split);
                string row = string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {m[MetricNames.NdcgAt10]:F4} | {m[MetricNames.NdcgAt25]:F4} | {m[MetricNames.PrecisionAt10]:F4} | {m[MetricNames.MeanReciprocalRankAt25]:F4} | {m[MetricNames.Coverage]:F4} | {measurement.Seconds:F2} | {measurement.PeakBytes / 1048576.0:F0} |");
                Console.WriteLine(row);
                report.AppendLine(row);
                if (model.TrainingNote is { } note && !label.StartsWith(' '))
                {
                    Console.WriteLine($"  {label}: {note}");
                    notes.Add($"{label}: {note}");
                }
            }

            var references = ReferenceFigures.For(dataRoot, dataset);
            if (references.Count == 0)
            {
                // A dataset without published figures (a generated one): the Markov reference computed here.
                var m = MarkovReference.Evaluate(split);
                string row = string.Create(CultureInfo.InvariantCulture,
                    $"| reference (computed by the bench): Markov last-3 items (decay 0.5) | {m[MetricNames.NdcgAt10]:F4} | {m[MetricNames.NdcgAt25]:F4} | {m[MetricNames.PrecisionAt10]:F4} | {m[MetricNames.MeanReciprocalRankAt25]:F4} | {m[MetricNames.Coverage]:F4} | | |");
                Console.WriteLine(row);
                report.AppendLine(row);
            }

            foreach (var reference in references)
            {
                string row = $"| reference: {reference[0]} | {string.Join(" | ", reference.Skip(1))} | |";
                Console.WriteLine(row);
                report.AppendLine(row);
            }

            report.AppendLine();
            foreach (string note in notes)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"* {note}");
            }

            report.AppendLine();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        string temporary = outputPath + ".tmp";
        File.WriteAllText(temporary, report.ToString());
        File.Move(temporary, outputPath, overwrite: true);
        Console.WriteLine("wrote " + outputPath);
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
