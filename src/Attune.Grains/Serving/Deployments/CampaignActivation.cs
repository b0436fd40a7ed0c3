using Attune.Contracts.Serving;
using Attune.Grains.Lifecycle;
using Attune.Grains.Serving.Actions;
using Attune.Storage.Resources;

namespace Attune.Grains.Serving;

/// <summary>
/// A campaign (created or updated) turns ACTIVE only once its model is deployed here (next-best-action models by
/// <see cref="ActionRecommender"/>); a failed load fails it with the reason.
/// </summary>
public sealed class CampaignActivation(CampaignDeployments deployments, ActionRecommender actions) : IResourceActivationHandler
{
    public string Kind => ResourceKinds.Campaign;

    public async Task ActivateAsync(ResourceRecord record, CancellationToken cancellationToken)
    {
        try
        {
            if (await actions.ServesActionsAsync(record, cancellationToken))
            {
                await actions.DeployAsync(record, cancellationToken);
            }
            else
            {
                await deployments.DeployAsync(record, cancellationToken);
            }
        }
        catch (Exception error) when (error is ServingException or IOException or InvalidDataException)
        {
            throw new ActivationFailedException($"The campaign's model could not be deployed: {error.Message}", error);
        }
    }
}
