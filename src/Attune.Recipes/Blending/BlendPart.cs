namespace Attune.Recipes.Blending;

/// <summary>The scored parts a personalization blend weighs; values index <see cref="BlendWeights"/>.</summary>
internal enum BlendPart
{
    /// <summary>EASE item-item weights over the most interacted items, recency-weighted history.</summary>
    Ease = 0,

    /// <summary>Cosine item-kNN over the whole catalogue, recency-weighted history.</summary>
    ItemKnn = 1,

    /// <summary>Next-item transition counts out of the newest few history items.</summary>
    Transitions = 2,

    /// <summary>Sequential rules: items up to 3 events later, weighted 1/gap, out of the newest few history items.</summary>
    SequentialRules = 3,

    /// <summary>iALS latent factors, the user folded in from the history.</summary>
    Factors = 4,

    /// <summary>ln(1 + training popularity).</summary>
    Popularity = 5,
}
