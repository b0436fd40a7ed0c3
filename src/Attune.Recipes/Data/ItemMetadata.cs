namespace Attune.Recipes.Data;

/// <summary>
/// Item metadata aligned with the item index (arrays of length ItemCount). Categorical values may hold
/// several values separated by '|'; null means missing.
/// </summary>
public sealed class ItemMetadata
{
    public IReadOnlyList<CategoricalColumn> Categorical { get; init; } = [];

    public IReadOnlyList<NumericColumn> Numeric { get; init; } = [];

    /// <summary>One free-text column (e.g. a description or title); null where missing.</summary>
    public string?[]? Text { get; init; }

    /// <summary>CREATION_TIMESTAMP in epoch seconds; null where missing.</summary>
    public long?[]? CreationTimestamps { get; init; }
}

public sealed record CategoricalColumn(string Name, string?[] Values);

/// <summary>A numeric item column; NaN where missing.</summary>
public sealed record NumericColumn(string Name, float[] Values);
