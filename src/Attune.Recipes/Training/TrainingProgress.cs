namespace Attune.Recipes.Training;

/// <summary>Progress of a solution-version training: percent done (0–100) and the current stage.</summary>
public readonly record struct TrainingProgress(double Percent, string Stage);
