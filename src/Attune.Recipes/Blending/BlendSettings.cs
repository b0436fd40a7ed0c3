using Attune.Recipes.Algorithms;
using Attune.Recipes.Catalog;
using Attune.Recipes.Models;

namespace Attune.Recipes.Blending;

/// <summary>The parts' own hyperparameters, read once from the solution's algorithmHyperParameters.</summary>
internal sealed record BlendSettings(
    float Lambda,
    int EaseMaxItems,
    int Neighbors,
    NeighborhoodSettings Scoring,
    AlsSettings Als,
    float MetadataWeight)
{
    public static BlendSettings From(HyperParameters hyperParameters) => new(
        hyperParameters.Float("lambda", 0, 1e9),
        hyperParameters.Int("ease_max_items", 1, 10_000),
        hyperParameters.Int("neighbors", 1, 100_000),
        new NeighborhoodSettings
        {
            RecencyHalfLife = hyperParameters.RecencyHalfLife(),
            TransitionWeight = hyperParameters.Float("transition_weight", 0, 1e6),
            TransitionWindow = hyperParameters.Int("bptt", 1, 32),
            TransitionDecay = hyperParameters.Float("transition_decay", 0, 1),
        },
        new AlsSettings(
            hyperParameters.Int("hidden_dimension", 8, 512),
            hyperParameters.Int("iterations", 1, 100),
            hyperParameters.Float("regularization", 0, 1e6),
            hyperParameters.Float("alpha", 0, 1e6),
            hyperParameters.Int("cg_steps", 1, 20),
            Seed: 17),
        hyperParameters.Float("metadata_weight", 0, 1e6));
}
