namespace Attune.Recipes.Models;

/// <summary>An item index with its score (softmax probability or raw similarity, depending on the call).</summary>
public readonly record struct ScoredItem(int Item, float Score);
