using Attune.Recipes.Data;

namespace Attune.Recipes.Actions;

/// <summary>
/// The Actions dataset as the next-best-action model sees it, aligned with the action index: VALUE,
/// REPEAT_FREQUENCY (days), EXPIRATION_TIMESTAMP (epoch seconds) and categorical metadata ('|' multi-values); null = absent.
/// </summary>
public sealed record ActionCatalog(
    string[] ActionIds, long?[] Values, int?[] RepeatFrequencyDays, long?[] ExpirationTimestamps, IReadOnlyList<CategoricalColumn> Categorical)
{
    public int Count => ActionIds.Length;

    /// <summary>A catalog of bare ids (no value, repeat frequency, expiration or metadata).</summary>
    public static ActionCatalog Bare(string[] actionIds) =>
        new(actionIds, new long?[actionIds.Length], new int?[actionIds.Length], new long?[actionIds.Length], []);
}
