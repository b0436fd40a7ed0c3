using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Catalog.Trainers;

/// <summary>Turns an event-weighted training set into a model; progress is the fraction done (0..1).</summary>
internal interface IRecipeTrainer
{
    RecommendationModel Train(TrainingSet set, HyperParameters hyperParameters, IProgress<double>? progress, CancellationToken cancellationToken);
}
