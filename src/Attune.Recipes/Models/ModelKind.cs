namespace Attune.Recipes.Models;

/// <summary>Artifact tag of each model family; values are persisted, never renumber.</summary>
public enum ModelKind
{
    Popularity = 1,
    Neighborhood = 2,
    Factor = 3,
    Blend = 4,
}
