using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;

namespace Attune.Bench.Accuracy;

/// <summary>
/// One recipe configuration on every dataset, on the validation users (hash % 10 == 1 inside the test split's
/// training data) and on the test users: how defaults were chosen. Arguments: recipe=NAME and NAME=VALUE pairs.
/// </summary>
internal static class TuneRun
{
    public static void Run(string dataRoot, string? only, string[] settings)
    {
        var overrides = settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        string recipeName = overrides.Remove("recipe", out string? r) ? r : "aws-user-personalization";
        var recipe = RecipeCatalog.Find(recipeName) ?? throw new ArgumentException("Unknown recipe " + recipeName);
        var hyperParameters = recipe.HyperParameters(overrides);
        foreach (string folder in Datasets.Folders(dataRoot, only))
        {
            var data = CsvDataset.Load(folder);
            var test = HoldoutSplit.Create(data, HoldoutSplit.TestBucket);
            var validation = HoldoutSplit.Create(test.Training(), HoldoutSplit.ValidationBucket);
            var (valMetrics, _) = Evaluate(recipe, hyperParameters, validation);
            var (testMetrics, seconds) = Evaluate(recipe, hyperParameters, test);
            Console.WriteLine($"{Path.GetFileName(folder),-16} val ndcg10 {valMetrics[MetricNames.NdcgAt10]:F4}  test ndcg10 {testMetrics[MetricNames.NdcgAt10]:F4} ndcg25 {testMetrics[MetricNames.NdcgAt25]:F4} mrr {testMetrics[MetricNames.MeanReciprocalRankAt25]:F4} cov {testMetrics[MetricNames.Coverage]:F4}  {seconds:F2}s  {string.Join(' ', settings)}");
        }
    }

    private static (IReadOnlyDictionary<string, double> Metrics, double Seconds) Evaluate(RecipeDefinition recipe, HyperParameters hyperParameters, HoldoutSplit split)
    {
        using var measurement = new Measurement();
        var model = recipe.Train(split.Training(), EventSettings.Default, hyperParameters);
        measurement.Stop();
        return (OfflineEvaluator.Evaluate(model, split), measurement.Seconds);
    }
}
