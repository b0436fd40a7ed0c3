using System.Diagnostics;
using Attune.Recipes.Catalog;
using Attune.Recipes.Evaluation;
using Attune.Recipes.Training;

namespace Attune.Bench.Accuracy;

/// <summary>
/// The whole solution-version path (HPO on the validation users with the recipe's default ranges, metrics on the
/// test users, final training on everything) for one recipe on every dataset.
/// </summary>
internal static class HpoRun
{
    public static void Run(string dataRoot, string? only, string recipe, int jobs)
    {
        foreach (string folder in Datasets.Folders(dataRoot, only))
        {
            var data = CsvDataset.Load(folder);
            var watch = Stopwatch.StartNew();
            var settings = new SolutionSettings { RecipeArn = recipe, PerformHpo = true };
            var defaults = RecipeCatalog.Find(recipe)?.DefaultHpo;
            settings = settings with { Hpo = defaults is null ? null : defaults with { MaxNumberOfTrainingJobs = jobs } };
            var result = SolutionTrainer.Train(data, settings);
            string tuned = string.Join(", ", result.TunedHyperParameters?.Select(p => $"{p.Key}={p.Value}") ?? []);
            Console.WriteLine($"{Path.GetFileName(folder),-16} test ndcg10 {result.Metrics[MetricNames.NdcgAt10]:F4}  {watch.Elapsed.TotalSeconds:F1}s  tuned: {tuned}");
        }
    }
}
