using System.Collections.Concurrent;
using Attune.Contracts.Resources;
using Attune.Contracts.Serving;
using Attune.Recipes.Catalog;
using Attune.Storage.Artifacts;
using Attune.Storage.Resources;
using Attune.Storage.Datasets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Attune.Grains.Serving;

/// <summary>
/// The campaigns this process serves. A deployment is replaced in one reference swap, so a request uses the old
/// deployment or the new one, never a mix. Campaigns not yet deployed here (a restart, another silo) are loaded on
/// their first request from the catalog.
/// </summary>
public sealed partial class CampaignDeployments(
    IResourceRegistry registry, IModelArtifacts artifacts, IDatasetStores datasets, TimeProvider clock, IOptions<ServingOptions>? serving = null,
    ILogger<CampaignDeployments>? logger = null) : IDisposable
{
    private readonly ServingOptions _serving = serving?.Value ?? new ServingOptions();
    private readonly ILogger _logger = logger ?? NullLogger<CampaignDeployments>.Instance;

    /// <summary>How long a campaign following $LATEST serves a version before it looks for a newer one.</summary>
    private static readonly TimeSpan LatestRecheck = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Deployment> _live = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _latestCheckedAt = new(StringComparer.Ordinal);
    private readonly ServedModels _models = new();
    private readonly SemaphoreSlim _catalogueRefresh = new(1, 1);

    public int LoadedModelCount => _models.Count;

    /// <summary>The window of Interactions filters (<see cref="ServingOptions.InteractionsPerEventTypeCap"/>; null: whole history).</summary>
    public int? InteractionsPerEventTypeCap => _serving.InteractionsPerEventTypeCap;

    /// <summary>
    /// Loads the campaign's model as its stored record says (a pending update's version and config when one is in
    /// progress) and makes it the one that serves. Throws when the model cannot be loaded; the old deployment then
    /// keeps serving.
    /// </summary>
    public async Task DeployAsync(string campaignArn, CancellationToken cancellationToken)
    {
        var campaign = await GetCampaignAsync(campaignArn, cancellationToken) ?? throw ServingException.NotFound(campaignArn);
        await DeployAsync(campaignArn, CampaignSettings.FromCampaign(campaign, pendingUpdate: true), cancellationToken);
    }

    /// <summary>Deploys <paramref name="campaign"/> as it will be once ACTIVE (an update already applied to its members).</summary>
    public async Task DeployAsync(ResourceRecord campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        await DeployAsync(campaign.Arn, CampaignSettings.FromCampaign(DescribeBody.Read<CampaignRecord>(campaign.Body), pendingUpdate: false), cancellationToken);
    }

    /// <summary>Deploys a recommender (created, started or updated) to serve its newest ACTIVE model.</summary>
    public async Task DeployRecommenderAsync(ResourceRecord recommender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        await DeployAsync(recommender.Arn, CampaignSettings.FromRecommender(DescribeBody.Read<RecommenderRecord>(recommender.Body)), cancellationToken);
    }

    /// <summary>
    /// Deploys a solution version under <paramref name="key"/> (a batch job's worker) exactly as a campaign with
    /// <paramref name="settings"/> would serve it, so the engine answers the job's lines as it answers runtime requests.
    /// <see cref="Retire"/> with the same key unloads it.
    /// </summary>
    public Task<Deployment> DeployForJobAsync(string key, CampaignSettings settings, CancellationToken cancellationToken) =>
        DeployAsync(key, settings, cancellationToken);

    /// <summary>Stops serving the campaign in this process; its model is unloaded once no campaign uses it.</summary>
    public void Retire(string campaignArn)
    {
        _live.TryRemove(campaignArn, out _);
        _latestCheckedAt.TryRemove(campaignArn, out _);
        ReleaseUnused();
    }

    /// <summary>The deployment that serves the campaign now; ResourceNotFoundException when it does not exist or cannot serve.</summary>
    public async ValueTask<Deployment> GetAsync(string campaignArn, CancellationToken cancellationToken)
    {
        if (_live.TryGetValue(campaignArn, out var deployment))
        {
            if (CampaignRecord.FollowsLatest(deployment.Settings.SolutionVersionArn))
            {
                FollowLatest(campaignArn, deployment);
            }
            return deployment;
        }
        var record = await registry.GetAsync(campaignArn, cancellationToken);
        if (record?.Kind == ResourceKinds.Recommender)
        {
            return await DeployAsync(campaignArn, ServableRecommender(record), cancellationToken);
        }
        var campaign = record?.Kind == ResourceKinds.Campaign ? DescribeBody.Read<CampaignRecord>(record.Body) : null;
        if (campaign is null || (campaign.Status != ResourceStatus.Active && campaign.LatestCampaignUpdate is null))
        {
            throw ServingException.NotFound(campaignArn);
        }
        return await DeployAsync(campaignArn, CampaignSettings.FromCampaign(campaign, pendingUpdate: false), cancellationToken);
    }

    /// <summary>A recommender's settings when it may serve: ACTIVE (a pending update keeps the current model serving).</summary>
    private static CampaignSettings ServableRecommender(ResourceRecord record)
    {
        if (record.Status != ResourceStatus.Active)
        {
            throw ServingException.InvalidInput(record.Status is ResourceStatus.Inactive or ResourceStatus.StopPending or ResourceStatus.StopInProgress
                ? $"The recommender {record.Arn} is {record.Status}; start it with StartRecommender to get recommendations."
                : $"The recommender {record.Arn} is {record.Status}; it serves once ACTIVE.");
        }
        return CampaignSettings.FromRecommender(DescribeBody.Read<RecommenderRecord>(record.Body));
    }

    /// <summary>
    /// Rereads the Items and Users of the group's loaded models, so a PutItems or PutUsers shows in the next
    /// request: new items become explorable and filters see the new attributes. One refresh at a time, so an older
    /// read never replaces a newer one.
    /// </summary>
    /// <remarks>Also drops the histories of users a data deletion job removed since the model's data was read.</remarks>
    public async Task RefreshCatalogueAsync(string datasetGroupArn, CancellationToken cancellationToken)
    {
        await _catalogueRefresh.WaitAsync(cancellationToken);
        try
        {
            // A model still loading may have read the Items before this change: let it finish, then refresh it too.
            await _models.LoadsInFlight().WaitAsync(cancellationToken);
            foreach (var served in _models.Loaded().Where(m => m.Data.DatasetGroupArn == datasetGroupArn))
            {
                await Task.Run(() =>
                {
                    using var store = datasets.Open(datasetGroupArn);
                    var deleted = store.ReadDeletedUsers(served.Data.DeletionWatermark);
                    if (deleted.UserIds.Count > 0)
                    {
                        served.Data = served.Data.Without(deleted);
                    }
                    served.Catalogue = ServedModelLoader.ReadCatalogue(store, served.Data.Activity, served.Catalogue);
                }, cancellationToken);
            }
        }
        finally
        {
            _catalogueRefresh.Release();
        }
    }

    /// <summary>The models this process has loaded for its campaigns (whole, or heads of models in slices).</summary>
    public IEnumerable<ServedModel> LoadedModels() => _models.Loaded();

    /// <summary>The dataset groups of the models this process serves.</summary>
    public IReadOnlyCollection<string> ServedGroups() =>
        _models.Loaded().Select(m => m.Data.DatasetGroupArn).ToHashSet(StringComparer.Ordinal);

    private async Task<Deployment> DeployAsync(string campaignArn, CampaignSettings settings, CancellationToken cancellationToken)
    {
        var versionArn = await registry.ResolveServedVersionAsync(settings.SolutionVersionArn, cancellationToken);
        ServedModel model;
        try
        {
            model = await _models.GetAsync(versionArn, () => LoadAsync(versionArn, cancellationToken));
        }
        catch
        {
            _models.Forget(versionArn);
            throw;
        }
        var deployment = new Deployment(campaignArn, model, settings);
        _live[campaignArn] = deployment;
        _latestCheckedAt[campaignArn] = clock.GetUtcNow();
        ReleaseUnused();
        return deployment;
    }

    /// <summary>
    /// Swaps to the solution's newest ACTIVE version in the background, at most once per recheck interval. A failure
    /// (the version would not load, the registry was unreachable) is logged; the current version keeps serving and the
    /// next recheck tries again.
    /// </summary>
    private void FollowLatest(string campaignArn, Deployment deployment)
    {
        var now = clock.GetUtcNow();
        if (!_latestCheckedAt.TryGetValue(campaignArn, out var checkedAt) || now - checkedAt < LatestRecheck
            || !_latestCheckedAt.TryUpdate(campaignArn, now, checkedAt))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                if (await StoppedRecommenderAsync(campaignArn))
                {
                    Retire(campaignArn);
                    return;
                }
                var newest = await registry.ResolveServedVersionAsync(deployment.Settings.SolutionVersionArn, CancellationToken.None);
                if (newest != deployment.Model.SolutionVersionArn && _live.TryGetValue(campaignArn, out var current) && current == deployment)
                {
                    await DeployAsync(campaignArn, deployment.Settings, CancellationToken.None);
                }
            }
            catch (Exception error)
            {
                LogFollowLatestFailed(_logger, campaignArn, error);
            }
        });
    }

    /// <summary>Whether the key is a recommender that was stopped or deleted (perhaps on another silo) since it was deployed here.</summary>
    private async Task<bool> StoppedRecommenderAsync(string key)
    {
        if (!key.Contains(":recommender/", StringComparison.Ordinal))
        {
            return false;
        }
        var record = await registry.GetAsync(key, CancellationToken.None);
        return record?.Kind == ResourceKinds.Recommender && record.Status != ResourceStatus.Active;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignArn} could not move to its solution's newest version; it keeps serving the current one")]
    private static partial void LogFollowLatestFailed(ILogger logger, string campaignArn, Exception error);

    private async Task<ServedModel> LoadAsync(string versionArn, CancellationToken cancellationToken)
    {
        var version = await registry.GetAsync(versionArn, cancellationToken);
        if (version is null || version.Kind != ResourceKinds.SolutionVersion || version.Status != ResourceStatus.Active)
        {
            throw ServingException.InvalidInput($"The solution version {versionArn} is not ACTIVE.");
        }
        var versionRecord = DescribeBody.Read<SolutionVersionRecord>(version.Body);
        var solution = await registry.GetAsync(versionRecord.SolutionArn, cancellationToken)
            ?? throw ServingException.InvalidInput($"The solution of {versionArn} no longer exists.");
        var solutionRecord = DescribeBody.Read<SolutionRecord>(solution.Body);
        var recipeArn = solutionRecord.AutoMlResult?.BestRecipeArn
            ?? versionRecord.RecipeArn
            ?? solutionRecord.RecipeArn;
        var recipe = (recipeArn is null ? null : RecipeCatalog.Find(recipeArn))
            ?? throw ServingException.InvalidInput($"The solution version {versionArn} names no recipe Attune serves.");
        if (recipe.Type == RecipeType.PersonalizedActions)
        {
            throw ServingException.InvalidInput($"The solution version {versionArn} serves PERSONALIZED_ACTIONS; call GetActionRecommendations.");
        }
        return await Task.Run(() => ServedModelLoader.Load(artifacts, datasets, versionArn, solution.ParentArn!, recipe, _serving.ShardCountFor), cancellationToken);
    }

    private async Task<CampaignRecord?> GetCampaignAsync(string campaignArn, CancellationToken cancellationToken)
    {
        var record = await registry.GetAsync(campaignArn, cancellationToken);
        return record is not null && record.Kind == ResourceKinds.Campaign ? DescribeBody.Read<CampaignRecord>(record.Body) : null;
    }

    public void Dispose() => _catalogueRefresh.Dispose();

    private void ReleaseUnused() =>
        _models.Release(_live.Values.Select(d => d.Model.SolutionVersionArn).ToHashSet(StringComparer.Ordinal));
}
