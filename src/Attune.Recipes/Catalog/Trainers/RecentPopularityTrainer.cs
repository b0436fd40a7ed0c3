using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Catalog.Trainers;

/// <summary>
/// The domain popularity use cases (best sellers, most viewed, most popular): items by their weighted events within the
/// last <c>popularity_window_days</c> before the newest event, so yesterday's hit outranks last year's. Items with no
/// event in the window keep a tiny share of their all-time count, which only orders them among themselves.
/// </summary>
internal sealed class RecentPopularityTrainer : IRecipeTrainer
{
    private const float AllTimeShare = 1e-6f;

    public RecommendationModel Train(TrainingSet set, HyperParameters hyperParameters, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        long window = (long)(hyperParameters.Float("popularity_window_days", 0, 3650) * 86_400);
        long since = set.MaxTimestamp - window;
        var scores = new float[set.ItemCount];
        for (int i = 0; i < set.SequenceItems.Length; i++)
        {
            if (set.SequenceTimes[i] >= since)
            {
                scores[set.SequenceItems[i]] += set.SequenceConfidence[i];
            }
        }

        for (int item = 0; item < scores.Length; item++)
        {
            scores[item] += AllTimeShare * set.ItemWeights[item];
        }

        return new PopularityModel(set.Basis(scores));
    }
}
