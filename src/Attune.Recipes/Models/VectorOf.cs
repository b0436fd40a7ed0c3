namespace Attune.Recipes.Models;

/// <summary>An item's vector gathered from the slice that holds it (empty when none was found).</summary>
public delegate ReadOnlySpan<float> VectorOf(int item);
