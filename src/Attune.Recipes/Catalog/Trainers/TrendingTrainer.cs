using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Catalog.Trainers;

/// <summary>
/// aws-trending-now: items whose interactions grew the most from the previous interval to the latest one
/// (interval = trend_discovery_frequency, counted back from the newest event). With no events in the last two
/// intervals it ranks by popularity, as Personalize does.
/// </summary>
internal sealed class TrendingTrainer : IRecipeTrainer
{
    public RecommendationModel Train(TrainingSet set, HyperParameters hyperParameters, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        long interval = hyperParameters.Choice("trend_discovery_frequency", "30 minutes", "1 hour", "2 hours", "3 hours", "1 day") switch
        {
            "30 minutes" => 1800,
            "1 hour" => 3600,
            "3 hours" => 10800,
            "1 day" => 86400,
            _ => 7200,
        };
        long latestStart = set.MaxTimestamp - interval;
        long previousStart = latestStart - interval;
        var latest = new float[set.ItemCount];
        var previous = new float[set.ItemCount];
        bool any = false;
        for (int i = 0; i < set.SequenceItems.Length; i++)
        {
            long time = set.SequenceTimes[i];
            if (time > latestStart)
            {
                latest[set.SequenceItems[i]] += set.SequenceConfidence[i];
                any = true;
            }
            else if (time > previousStart)
            {
                previous[set.SequenceItems[i]] += set.SequenceConfidence[i];
                any = true;
            }
        }

        if (!any)
        {
            return new PopularityModel(set.Basis());
        }

        // Growth first; popularity (scaled below one event) breaks ties among equally trending items.
        float maxWeight = Math.Max(1, set.ItemWeights.Max());
        var scores = new float[set.ItemCount];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = latest[i] - previous[i] + (0.5f * set.ItemWeights[i] / maxWeight);
        }

        return new PopularityModel(set.Basis(scores));
    }
}
