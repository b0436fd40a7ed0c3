using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;
using Attune.Recipes.Models;

namespace Attune.Bench.Accuracy;

/// <summary>
/// What the runtime context adds: aws-user-personalization trained on the protocol's training data of a dataset with a
/// contextual column (tools/generate-context.py), then each test user scored with the context of its first held-out
/// interaction (the session it is in when it asks) at several context weights, 0 being the model without the term.
/// </summary>
internal static class ContextRun
{
    private static readonly float[] Weights = [0, 0.1f, 0.25f, 0.5f, 1, 2];

    public static void Run(string folder, string column, string outPath)
    {
        var data = WithContext(CsvDataset.Load(folder), Path.Combine(folder, "interactions.csv"), column);
        var split = HoldoutSplit.Create(data, HoldoutSplit.TestBucket);
        var definition = RecipeCatalog.Find("aws-user-personalization")!;
        var clock = Stopwatch.StartNew();
        var model = definition.Train(split.Training(), EventSettings.Default, definition.HyperParameters());
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var lift = model.Context ?? throw new InvalidOperationException($"No usable {column} context in {folder}.");
        var contexts = FirstHeldOutContexts(split, data.Contexts[0]);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"| context_weight | NDCG@10 | precision@10 | MRR@25 | coverage |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (float weight in Weights)
        {
            var metrics = Evaluate(model, lift.WithWeight(weight), split, contexts, column);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {weight} | {metrics[MetricNames.NdcgAt10]:F4} | {metrics[MetricNames.PrecisionAt10]:F4} | {metrics[MetricNames.MeanReciprocalRankAt25]:F4} | {metrics[MetricNames.Coverage]:F4} |");
        }
        string text = $"{data.Count} interactions, {data.UserCount} users, {data.ItemCount} items, {split.Users.Count} test users; " +
            $"training {trainSeconds:F1} s ({model.TrainingNote})\n\n{report}";
        Console.WriteLine(text);
        File.WriteAllText(outPath, text);
    }

    private static InteractionData WithContext(InteractionData data, string csv, string column)
    {
        var lines = File.ReadLines(csv, Encoding.UTF8).Where(l => l.Length > 0).ToList();
        int at = Array.IndexOf(lines[0].Split(','), column);
        if (at < 0)
        {
            throw new ArgumentException($"{csv} has no {column} column.");
        }
        var values = lines.Skip(1).Select(l => (string?)l.Split(',')[at]).ToArray();
        return new InteractionData(data.Users, data.Items, data.Timestamps, data.EventTypes, data.EventValues, data.UserIds, data.ItemIds,
            data.EventTypeNames, data.ItemMetadata) { Contexts = [new ContextColumn(column, values)] };
    }

    /// <summary>Per test user, the context value of its earliest held-out row.</summary>
    private static Dictionary<int, string?> FirstHeldOutContexts(HoldoutSplit split, ContextColumn column)
    {
        var first = new Dictionary<int, (long Time, string? Value)>();
        for (int row = 0; row < split.Data.Count; row++)
        {
            if (split.TrainingRows[row])
            {
                continue;
            }
            int user = split.Data.Users[row];
            if (!first.TryGetValue(user, out var seen) || split.Data.Timestamps[row] < seen.Time)
            {
                first[user] = (split.Data.Timestamps[row], column.Values[row]);
            }
        }
        return first.ToDictionary(p => p.Key, p => p.Value.Value);
    }

    /// <summary><see cref="OfflineEvaluator.Evaluate"/> with each user's context applied to its scores.</summary>
    private static IReadOnlyDictionary<string, double> Evaluate(RecommendationModel model, ContextLift lift, HoldoutSplit split,
        Dictionary<int, string?> contexts, string column)
    {
        var trainingItems = new bool[split.Data.ItemCount];
        for (int row = 0; row < split.Data.Count; row++)
        {
            trainingItems[split.Data.Items[row]] |= split.TrainingRows[row];
        }
        var lists = new int[split.Users.Count][];
        Parallel.For(0, split.Users.Count, index =>
        {
            var user = split.Users[index];
            var history = split.HistoryOf(user);
            var seen = new HashSet<int>(history.Items.ToArray());
            var scores = new float[model.ItemCount];
            model.Score(history, scores);
            if (contexts.GetValueOrDefault(user.User) is { } value)
            {
                lift.Apply(new Dictionary<string, string> { [column] = value }, scores);
            }
            lists[index] = TopK.Select(scores, 25, item => trainingItems[item] && !seen.Contains(item));
        });
        return OfflineEvaluator.Summarize(lists, split.Users.Select(u => (IReadOnlySet<int>)u.HeldOutItems.ToHashSet()).ToArray(),
            trainingItems.Count(present => present));
    }
}
