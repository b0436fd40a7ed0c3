using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Training;

namespace Attune.Recipes.Actions;

/// <summary>What a solution version of aws-next-best-action produces: the model trained on everything and its offline metrics.</summary>
public sealed record NextBestActionResult(NextBestActionModel Model, IReadOnlyDictionary<string, double> Metrics);

/// <summary>A solution version of aws-next-best-action, the counterpart of <see cref="SolutionTrainer"/> for action data.</summary>
public static class NextBestActionSolution
{
    public static NextBestActionResult Train(InteractionData actionInteractions, ActionCatalog catalog, HyperParameters hyperParameters,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        int period = hyperParameters.Int(NextBestActionTrainer.OptimizationPeriod, 7, 28);
        progress?.Report(new TrainingProgress(0, "evaluating"));
        var metrics = NextBestActionEvaluation.Evaluate(actionInteractions, catalog, period, cancellationToken);
        progress?.Report(new TrainingProgress(50, "training"));
        var model = NextBestActionTrainer.Train(actionInteractions, catalog, period, cancellationToken);
        progress?.Report(new TrainingProgress(100, "done"));
        return new NextBestActionResult(model, metrics);
    }
}
