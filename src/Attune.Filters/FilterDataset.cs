namespace Attune.Filters;

/// <summary>The dataset part of a <c>dataset.COLUMN</c> reference.</summary>
public enum FilterDataset
{
    Items,
    Interactions,
    Users,
    Actions,

    /// <summary><c>Action_Interactions</c>.</summary>
    ActionInteractions,

    /// <summary>The requesting user's row of the Users dataset (IF clause only).</summary>
    CurrentUser,

    /// <summary>The request's item (related-items requests) as a row of the Items dataset.</summary>
    CurrentItem,
}
