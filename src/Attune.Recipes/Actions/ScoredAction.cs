namespace Attune.Recipes.Actions;

/// <summary>A recommended action: its index and the probability (0–1) that the user takes it.</summary>
public readonly record struct ScoredAction(int Action, float Score);
