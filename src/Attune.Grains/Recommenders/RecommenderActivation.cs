using Attune.Contracts.Serving;
using Attune.Grains.Lifecycle;
using Attune.Grains.Serving;
using Attune.Storage.Resources;

namespace Attune.Grains.Recommenders;

/// <summary>
/// A recommender turns ACTIVE (created, started or updated) once the model its config asks for is trained and deployed:
/// a create trains, a start reuses the last model, an update retrains only when trainingDataConfig changed (the old
/// model serves meanwhile). A failed training fails the create or update with the training's reason.
/// </summary>
public sealed class RecommenderActivation(RecommenderModels models, CampaignDeployments deployments) : IResourceActivationHandler
{
    public string Kind => ResourceKinds.Recommender;

    public async Task ActivateAsync(ResourceRecord record, CancellationToken cancellationToken)
    {
        var trained = await models.WaitAsync(await models.EnsureAsync(record, cancellationToken), cancellationToken);
        if (trained?.Status != ResourceStatus.Active)
        {
            var reason = trained?.ParseBody()["failureReason"]?.GetValue<string>() ?? "its model is gone";
            throw new ActivationFailedException($"The recommender's model could not be trained: {reason}");
        }
        try
        {
            await deployments.DeployRecommenderAsync(record, cancellationToken);
        }
        catch (Exception error) when (error is ServingException or IOException or InvalidDataException)
        {
            throw new ActivationFailedException($"The recommender's model could not be deployed: {error.Message}", error);
        }
    }
}
