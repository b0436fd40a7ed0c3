using Attune.Grains.Lifecycle;
using Attune.Grains.Serving;
using Attune.Storage.Resources;

namespace Attune.Grains.Recommenders;

/// <summary>
/// A stopped recommender stops serving here at once (other silos within their 10-second recheck) and its model is
/// unloaded; its trained models stay for StartRecommender.
/// </summary>
public sealed class RecommenderStop(CampaignDeployments deployments) : IResourceStopHandler
{
    public string Kind => ResourceKinds.Recommender;

    public Task StopAsync(string arn, CancellationToken cancellationToken)
    {
        deployments.Retire(arn);
        return Task.CompletedTask;
    }
}
