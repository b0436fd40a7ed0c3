using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Catalog.Trainers;

/// <summary>aws-popularity-count: items by their (confidence-weighted) number of training interactions.</summary>
internal sealed class PopularityTrainer : IRecipeTrainer
{
    public RecommendationModel Train(TrainingSet set, HyperParameters hyperParameters, IProgress<double>? progress, CancellationToken cancellationToken)
        => new PopularityModel(set.Basis());
}
