namespace Attune.Grains.Serving;

/// <summary>
/// The control plane's hook into serving: a campaign is loaded (or refreshed) before it becomes ACTIVE, and
/// dropped when it is deleted. Swaps are atomic: requests in flight finish on the deployment they started with.
/// </summary>
public interface ICampaignDeployments
{
    /// <summary>
    /// Loads the campaign's model (the pending update's version and config when an update is in progress) and
    /// makes it the one that serves. Throws when the model cannot be loaded; the old deployment then keeps serving.
    /// </summary>
    Task DeployAsync(string campaignArn, CancellationToken cancellationToken);

    /// <summary>Stops serving the campaign in this process; its model is unloaded once no campaign uses it.</summary>
    void Retire(string campaignArn);
}
