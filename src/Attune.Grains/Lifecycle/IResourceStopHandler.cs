namespace Attune.Grains.Lifecycle;

/// <summary>
/// Takes a stopped resource out of service before it turns INACTIVE (StopRecommender unloads the recommender's model);
/// StartRecommender brings it back through the kind's <see cref="IResourceActivationHandler"/>.
/// </summary>
public interface IResourceStopHandler
{
    string Kind { get; }

    Task StopAsync(string arn, CancellationToken cancellationToken);
}
