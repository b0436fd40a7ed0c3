namespace Attune.Recipes.Data;

/// <summary>
/// A contextual metadata column of Interactions (Personalize's "contextual metadata", e.g. DEVICE or LOCATION): its
/// value on each interaction row, null where the row has none.
/// </summary>
public sealed record ContextColumn(string Name, string?[] Values);
