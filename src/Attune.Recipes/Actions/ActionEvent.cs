namespace Attune.Recipes.Actions;

/// <summary>One action interaction of a user: the action's index, when (epoch seconds) and whether it was TAKEN.</summary>
public readonly record struct ActionEvent(int Action, long Timestamp, bool Taken);
