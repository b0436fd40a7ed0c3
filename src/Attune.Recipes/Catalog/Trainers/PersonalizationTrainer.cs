using Attune.Recipes.Algorithms;
using Attune.Recipes.Blending;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Catalog.Trainers;

/// <summary>
/// User personalization and personalized ranking. <c>model=auto</c> (the default) blends EASE, item-kNN,
/// transitions, iALS and popularity with weights validated per dataset (<see cref="PersonalizationBlend"/>); otherwise
/// <c>model</c> picks one item-item part: <c>ease</c> (closed
/// form on the most interacted items), <c>item_knn</c> (cosine neighbours) or <c>ials</c> (latent factors,
/// conjugate gradient). The neighbourhood models add a next-item transition term over the newest
/// <c>bptt</c> items, weighted by <c>transition_weight</c>.
/// </summary>
internal sealed class PersonalizationTrainer : IRecipeTrainer
{
    public RecommendationModel Train(TrainingSet set, HyperParameters hyperParameters, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        string model = hyperParameters.Choice("model", "auto", "ease", "item_knn", "ials");
        if (model == "auto")
        {
            return PersonalizationBlend.Train(set, BlendSettings.From(hyperParameters), progress, cancellationToken);
        }

        var itemUsers = ItemUsers.Build(set);
        if (model == "ials")
        {
            var settings = new AlsSettings(
                hyperParameters.Int("hidden_dimension", 8, 512),
                hyperParameters.Int("iterations", 1, 100),
                hyperParameters.Float("regularization", 0, 1e6),
                hyperParameters.Float("alpha", 0, 1e6),
                hyperParameters.Int("cg_steps", 1, 20),
                Seed: 17);
            float[] factors = ImplicitAls.Train(set, itemUsers, settings, progress, cancellationToken);
            return new FactorModel(set.Basis(), settings.Factors, factors,
                settings.Regularization, settings.Alpha);
        }

        int neighbors = hyperParameters.Int("neighbors", 1, 100_000);
        SparseRows similarity = model == "ease"
            ? Ease.Train(set, itemUsers, hyperParameters.Float("lambda", 0, 1e9), hyperParameters.Int("ease_max_items", 1, 10_000),
                neighbors, progress, cancellationToken)
            : CosineNeighbors(set, itemUsers, neighbors, progress, cancellationToken);
        float metadataWeight = hyperParameters.Float("metadata_weight", 0, 1e6);
        if (set.Source.ItemMetadata is { } metadata && metadataWeight > 0)
        {
            // Items without collaborative weights (cold, or outside EASE's item set) speak through their metadata.
            var content = MetadataSimilarity.Build(metadata, set.ItemCount, neighbors, maxPosting: 5000, cancellationToken);
            similarity = SparseRowsBuilder.FillEmptyRows(similarity, content, metadataWeight);
        }

        float transitionWeight = hyperParameters.Float("transition_weight", 0, 1e6);
        SparseRows? transitions = transitionWeight > 0 ? Transitions.Build(set, neighbors, cancellationToken) : null;
        var scoring = new NeighborhoodSettings
        {
            RecencyHalfLife = hyperParameters.RecencyHalfLife(),
            TransitionWeight = transitionWeight,
            TransitionWindow = hyperParameters.Int("bptt", 1, 32),
            TransitionDecay = hyperParameters.Float("transition_decay", 0, 1),
        };
        return new NeighborhoodModel(set.Basis(), scoring, similarity, similarity, transitions);
    }

    internal static SparseRows CosineNeighbors(TrainingSet set, ItemUsers itemUsers, int neighbors, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        float[] norms = Cooccurrence.SquaredNorms(set);
        return Cooccurrence.Neighbors(set, itemUsers, neighbors, minCount: 1, maxUserItems: 1000,
            pair => pair.Weight / MathF.Sqrt(norms[pair.Item] * norms[pair.Other]), progress, cancellationToken);
    }
}
