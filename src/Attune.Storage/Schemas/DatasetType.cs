namespace Attune.Storage.Schemas;

/// <summary>The five Personalize dataset types.</summary>
public enum DatasetType
{
    Interactions,
    Items,
    Users,
    Actions,
    ActionInteractions,
}

/// <summary>Wire names, record names and ARN suffixes of <see cref="DatasetType"/>.</summary>
public static class DatasetTypes
{
    /// <summary>
    /// Parses a wire <c>datasetType</c> or an ARN suffix (case-insensitive; <c>Action_Interactions</c>,
    /// <c>ACTION_INTERACTIONS</c> and <c>ActionInteractions</c> all accepted).
    /// </summary>
    public static bool TryParse(string? value, out DatasetType type)
    {
        type = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var compact = value.Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<DatasetType>())
        {
            if (string.Equals(compact, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a wire <c>datasetType</c> or throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public static DatasetType Parse(string value) =>
        TryParse(value, out var type)
            ? type
            : throw new ArgumentException($"Unknown dataset type '{value}'. Valid values: Interactions, Items, Users, Actions, Action_Interactions.");

    /// <summary>The last ARN segment: <c>INTERACTIONS</c>, <c>ITEMS</c>, <c>USERS</c>, <c>ACTIONS</c>, <c>ACTION_INTERACTIONS</c>.</summary>
    public static string ArnSuffix(this DatasetType type) => type switch
    {
        DatasetType.ActionInteractions => "ACTION_INTERACTIONS",
        _ => type.ToString().ToUpperInvariant(),
    };

    /// <summary>The wire spelling returned in Describe/List responses (<c>Interactions</c>, ..., <c>Action_Interactions</c>).</summary>
    public static string WireName(this DatasetType type) => type switch
    {
        DatasetType.ActionInteractions => "Action_Interactions",
        _ => type.ToString(),
    };
}
