using Attune.Contracts.Resources;
using Attune.Grains.Training;
using Attune.Storage.Resources;
using Microsoft.Extensions.Options;

namespace Attune.Grains.Recommenders;

/// <summary>
/// Personalize retrains a domain recommender every 7 days (<see cref="AutoTrainingOptions.RecommenderRetraining"/>):
/// an ACTIVE recommender whose newest model is that old gets a new one, which it serves once trained. Stopped
/// recommenders (INACTIVE) do not retrain. The schedule is the models' creation times, so a restart loses nothing.
/// </summary>
public sealed class RecommenderRetraining(IResourceRegistry registry, RecommenderModels models, IOptions<AutoTrainingOptions> options, TimeProvider clock)
{
    /// <summary>Starts the trainings that are due; returns the new models' ARNs.</summary>
    public async Task<IReadOnlyList<string>> CheckAllAsync(CancellationToken cancellationToken)
    {
        var started = new List<string>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        long after = 0;
        while (true)
        {
            var page = await registry.ListAsync(ResourceKinds.Recommender, "arn:", null, after, 100, cancellationToken);
            foreach (var recommender in page.Items.Where(r => r.Status == ResourceStatus.Active))
            {
                if (await IsDueAsync(recommender, now, cancellationToken))
                {
                    started.Add(await models.TrainAsync(recommender, "AUTOMATIC", cancellationToken));
                }
            }
            if (page.NextSequence is not { } next)
            {
                return started;
            }
            after = next;
        }
    }

    private async Task<bool> IsDueAsync(ResourceRecord recommender, double now, CancellationToken cancellationToken)
    {
        if (DescribeBody.Read<RecommenderRecord>(recommender.Body).LatestRecommenderUpdate?.Status is { } update && ResourceStatus.IsTransient(update))
        {
            return false;
        }
        var versions = await models.ListAsync(recommender.Arn, cancellationToken);
        return !versions.Any(v => ResourceStatus.IsTransient(v.Status))
            && versions.Count > 0
            && now - versions[0].CreatedAt >= options.Value.RecommenderRetraining.TotalSeconds;
    }
}
