namespace Attune.Grains.Serving;

/// <summary>
/// One recommended or ranked item. <see cref="Item"/> indexes the model (-1 for an inputList item the model does
/// not know); <see cref="Score"/> is null where Personalize gives none; <see cref="Reason"/> is Personalize's reason.
/// </summary>
public readonly record struct PredictedItem(
    string ItemId, int Item, double? Score, string? Reason, string? PromotionName, ItemExplanation Explanation);

/// <summary>
/// Why an item was returned (Attune's explanation member): the basis, up to two item indices behind it, and the request's
/// context pairs ("DEVICE=mobile") when they raised the item.
/// </summary>
public readonly record struct ItemExplanation(ExplanationBasis Basis, int First = -1, int Second = -1, string[]? Context = null);

public enum ExplanationBasis
{
    /// <summary>The user's history items named in the explanation contributed most.</summary>
    History,

    /// <summary>Ranked by popularity (unknown user, or a filter left too few personalized items).</summary>
    Popular,

    /// <summary>Ranked by recent growth (trending-now).</summary>
    Trending,

    /// <summary>Shown to learn about a new item (campaignConfig.itemExplorationConfig).</summary>
    Exploration,

    /// <summary>Placed by the request's promotion.</summary>
    Promoted,

    /// <summary>Related to the request's itemId.</summary>
    SimilarItem,

    /// <summary>An inputList item the model does not know; appended without a score.</summary>
    UnknownItem,
}

/// <summary>Personalize's reason strings.</summary>
public static class Reasons
{
    public const string Promoted = "Promoted item";
    public const string Exploration = "Exploration";
    public const string Popular = "Popular item";
}
