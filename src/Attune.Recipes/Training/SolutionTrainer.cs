using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;

namespace Attune.Recipes.Training;

/// <summary>
/// Trains a solution version the way DESIGN.md describes: AutoML and HPO choose on the validation users
/// (hash % 10 == 1 inside the test split's training data), metrics come from the test users (hash % 10 == 0),
/// and the returned model is trained on all data.
/// </summary>
public static class SolutionTrainer
{
    /// <summary>Fewest users with ≥ 2 (kept) interactions that can train a model.</summary>
    public const int MinimumUsers = 1;

    public static SolutionResult Train(InteractionData data, SolutionSettings settings, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        EnsureEnoughData(data, settings.Events);
        progress?.Report(new TrainingProgress(0, "splitting"));
        var test = HoldoutSplit.Create(data, HoldoutSplit.TestBucket);
        var validation = HoldoutSplit.Create(test.Training(), HoldoutSplit.ValidationBucket);
        bool canValidate = validation.Users.Count > 0;

        var recipe = ResolveRecipe(settings.RecipeArn);
        HyperParameters? hyperParameters = null;
        string? bestRecipeArn = null;
        IReadOnlyDictionary<string, string>? tuned = null;
        if (settings.PerformAutoMl)
        {
            (recipe, hyperParameters) = ChooseRecipe(settings, validation, canValidate, new ProgressRelay(progress, 0, 40, "automl"), cancellationToken);
            bestRecipeArn = recipe.Arn;
        }

        hyperParameters ??= recipe.HyperParameters(settings.HyperParameters);
        var hpo = settings.Hpo ?? recipe.DefaultHpo;
        if (settings.PerformHpo && !settings.PerformAutoMl && hpo is not null && canValidate)
        {
            (hyperParameters, _) = HyperParameterSearch.Run(recipe, hyperParameters, hpo, settings.Events, validation,
                new ProgressRelay(progress, 0, 40, "tuning"), cancellationToken);
        }

        if (settings.PerformHpo || settings.PerformAutoMl)
        {
            var names = hpo?.Names.ToHashSet() ?? [];
            tuned = hyperParameters.Values.Where(p => names.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        }

        Report(progress, 40, "evaluating");
        IReadOnlyDictionary<string, double> metrics = new Dictionary<string, double>();
        if (test.Users.Count > 0)
        {
            var evaluationModel = recipe.Train(test.Training(), settings.Events, hyperParameters,
                new ProgressRelay(progress, 40, 60, "evaluating"), cancellationToken);
            metrics = OfflineEvaluator.Evaluate(evaluationModel, test, cancellationToken);
        }

        Report(progress, 60, "training");
        var model = recipe.Train(data, settings.Events, hyperParameters,
            new ProgressRelay(progress, 60, 100, "training"), cancellationToken);
        Report(progress, 100, "done");
        return new SolutionResult(model, recipe, metrics, tuned, bestRecipeArn);
    }

    /// <summary>Throws <see cref="InsufficientDataException"/> with Personalize's failureReason wording.</summary>
    public static void EnsureEnoughData(InteractionData data, EventSettings events)
    {
        var weighting = EventWeighting.Create(events, data.EventTypeNames);
        var counts = new int[data.UserCount];
        int qualified = 0;
        for (int row = 0; row < data.Count && qualified < MinimumUsers; row++)
        {
            if (weighting.Confidence(data.EventTypes[row], data.EventValues[row]) > 0 && ++counts[data.Users[row]] == 2)
            {
                qualified++;
            }
        }

        if (qualified < MinimumUsers)
        {
            throw new InsufficientDataException($"Create failed. Dataset has fewer than {MinimumUsers} users with at least 2 interactions each.");
        }
    }

    private static RecipeDefinition ResolveRecipe(string? recipeArn)
        => recipeArn is null
            ? RecipeCatalog.Find("aws-user-personalization")!
            : RecipeCatalog.Find(recipeArn) ?? throw new ArgumentException($"Unknown recipe {recipeArn}.", nameof(recipeArn));

    /// <summary>AutoML: each listed recipe (tuned when ranges are given) scored on the validation users; best wins.</summary>
    private static (RecipeDefinition Recipe, HyperParameters HyperParameters) ChooseRecipe(SolutionSettings settings, HoldoutSplit validation,
        bool canValidate, ProgressRelay progress, CancellationToken cancellationToken)
    {
        var candidates = settings.AutoMlRecipes.Select(ResolveRecipe).ToList();
        if (candidates.Count == 0)
        {
            throw new ArgumentException("autoMLConfig.recipeList must name at least one recipe.", nameof(settings));
        }

        var best = (Recipe: candidates[0], HyperParameters: candidates[0].HyperParameters(settings.HyperParameters), Score: double.NegativeInfinity);
        for (int c = 0; c < candidates.Count && canValidate; c++)
        {
            var recipe = candidates[c];
            var start = recipe.HyperParameters(settings.HyperParameters);
            var (chosen, score) = (settings.Hpo ?? recipe.DefaultHpo) is { } hpo
                ? HyperParameterSearch.Run(recipe, start, hpo with { MetricName = settings.AutoMlMetric, Minimize = false }, settings.Events,
                    validation, new ProgressRelay(null, 0, 1, "automl"), cancellationToken)
                : (start, HyperParameterSearch.Score(recipe, start, settings.Events, validation.Training(), validation,
                    settings.AutoMlMetric, cancellationToken));
            if (score > best.Score)
            {
                best = (recipe, chosen, score);
            }

            progress.Report((c + 1) / (double)candidates.Count);
        }

        return (best.Recipe, best.HyperParameters);
    }

    private static void Report(IProgress<TrainingProgress>? progress, double percent, string stage)
        => progress?.Report(new TrainingProgress(percent, stage));
}
