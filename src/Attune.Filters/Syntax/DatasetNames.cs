namespace Attune.Filters;

/// <summary>Spelling of dataset names in expressions (matched case-insensitively).</summary>
internal static class DatasetNames
{
    public static string Of(FilterDataset dataset) => dataset switch
    {
        FilterDataset.Items => "Items",
        FilterDataset.Interactions => "Interactions",
        FilterDataset.Users => "Users",
        FilterDataset.Actions => "Actions",
        FilterDataset.ActionInteractions => "Action_Interactions",
        FilterDataset.CurrentUser => "CurrentUser",
        FilterDataset.CurrentItem => "CurrentItem",
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    public static bool TryParse(string text, out FilterDataset dataset)
    {
        foreach (var candidate in Enum.GetValues<FilterDataset>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                dataset = candidate;
                return true;
            }
        }

        dataset = default;
        return false;
    }

    /// <summary>The plural the user probably meant when writing <c>Item.</c> or <c>Action.</c> (a known docs typo).</summary>
    public static string? Suggest(string text) => text.ToUpperInvariant() switch
    {
        "ITEM" => "Items",
        "USER" => "Users",
        "ACTION" => "Actions",
        "INTERACTION" => "Interactions",
        "ACTION_INTERACTION" or "ACTIONINTERACTIONS" => "Action_Interactions",
        _ => null,
    };
}
