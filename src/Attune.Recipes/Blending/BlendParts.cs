using Attune.Recipes.Algorithms;
using Attune.Recipes.Catalog.Trainers;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Blending;

/// <summary>
/// The trained parts of a blend over one training set: item-item matrices, transitions and item factors. Each part
/// can score alone (for the validation pool) and the blend composes them into one served model with the chosen weights.
/// </summary>
internal sealed class BlendParts
{
    private readonly TrainingSet _set;
    private readonly BlendSettings _settings;

    /// <summary>How many events later an item still counts for the sequential rules.</summary>
    public const int RuleGap = 3;

    private BlendParts(TrainingSet set, BlendSettings settings, SparseRows ease, SparseRows itemKnn, SparseRows transitions,
        SparseRows sequentialRules, float[] factors)
    {
        _set = set;
        _settings = settings;
        Ease = ease;
        ItemKnn = itemKnn;
        Transitions = transitions;
        SequentialRules = sequentialRules;
        ItemFactors = factors;
        Basis = set.Basis();
    }

    public ModelBasis Basis { get; }

    public SparseRows Ease { get; }

    public SparseRows ItemKnn { get; }

    public SparseRows Transitions { get; }

    public SparseRows SequentialRules { get; }

    public float[] ItemFactors { get; }

    /// <summary>Trains every part; progress runs 0 → 1 over the parts, weighted by their usual cost.</summary>
    public static BlendParts Train(TrainingSet set, BlendSettings settings, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var itemUsers = ItemUsers.Build(set);
        var ease = Algorithms.Ease.Train(set, itemUsers, settings.Lambda, settings.EaseMaxItems, settings.Neighbors,
            new ScaledProgress(progress, 0, 0.35), cancellationToken);
        var itemKnn = PersonalizationTrainer.CosineNeighbors(set, itemUsers, settings.Neighbors,
            new ScaledProgress(progress, 0.35, 0.5), cancellationToken);
        var transitions = Algorithms.Transitions.Build(set, settings.Neighbors, cancellationToken);
        var rules = Algorithms.Transitions.Build(set, settings.Neighbors, cancellationToken, RuleGap);
        var factors = ImplicitAls.Train(set, itemUsers, settings.Als, new ScaledProgress(progress, 0.5, 1), cancellationToken);
        return new BlendParts(set, settings, ease, itemKnn, transitions, rules, factors);
    }

    /// <summary>A model that scores with one part only (raw, unweighted) for the validation pool.</summary>
    public RecommendationModel Scorer(BlendPart part) => part switch
    {
        BlendPart.Ease => Neighborhood(Ease, null, 0),
        BlendPart.ItemKnn => Neighborhood(ItemKnn, null, 0),
        BlendPart.Transitions => Neighborhood(null, Transitions, 1),
        BlendPart.SequentialRules => Neighborhood(null, SequentialRules, 1),
        BlendPart.Factors => Factors(),
        _ => new BlendedModel(Basis, Neighborhood(null, null, 0), null, 0, 1),
    };

    /// <summary>
    /// The served model for weights in model units: one neighbourhood model whose item-item matrix is the weighted sum
    /// of EASE and item-kNN and whose transition matrix the weighted sum of transitions and sequential rules; the factor
    /// and popularity terms around it only when they carry weight (otherwise the plain neighbourhood model is served).
    /// </summary>
    public RecommendationModel Compose(BlendWeights weights, CancellationToken cancellationToken)
    {
        SparseRows? similarity = SparseRowsBuilder.WeightedSum(Ease, weights[BlendPart.Ease], ItemKnn, weights[BlendPart.ItemKnn]);
        if (_set.Source.ItemMetadata is { } metadata && _settings.MetadataWeight > 0 && similarity is not null)
        {
            // Items without collaborative weights (cold) speak through their metadata.
            var content = MetadataSimilarity.Build(metadata, _set.ItemCount, _settings.Neighbors, maxPosting: 5000, cancellationToken);
            similarity = SparseRowsBuilder.FillEmptyRows(similarity, content, _settings.MetadataWeight);
        }

        // Transitions alone keep their matrix and weight (the common case, and the artifact model=ease writes).
        var (transitions, transitionWeight) = weights[BlendPart.SequentialRules] == 0
            ? (weights[BlendPart.Transitions] > 0 ? Transitions : null, weights[BlendPart.Transitions])
            : (SparseRowsBuilder.WeightedSum(Transitions, weights[BlendPart.Transitions], SequentialRules, weights[BlendPart.SequentialRules]), 1f);
        var neighborhood = similarity is null && transitions is null
            ? null
            : Neighborhood(similarity, transitions, transitionWeight, related: similarity ?? ItemKnn);
        float factorWeight = weights[BlendPart.Factors];
        float popularityWeight = weights[BlendPart.Popularity];
        if (neighborhood is not null && factorWeight == 0 && popularityWeight == 0)
        {
            return neighborhood;
        }

        return new BlendedModel(Basis, neighborhood ?? Neighborhood(null, null, 0, related: ItemKnn), factorWeight > 0 ? Factors() : null,
            factorWeight, popularityWeight);
    }

    private NeighborhoodModel Neighborhood(SparseRows? similarity, SparseRows? transitions, float transitionWeight, SparseRows? related = null)
        => new(Basis, _settings.Scoring with { TransitionWeight = transitionWeight }, similarity, related, transitions);

    private FactorModel Factors()
        => new(Basis, _settings.Als.Factors, ItemFactors, _settings.Als.Regularization, _settings.Als.Alpha);
}
