using System.Collections.Concurrent;
using Attune.Contracts.Resources;
using Attune.Contracts.Serving;
using Attune.Filters;
using Attune.Recipes.Actions;
using Attune.Recipes.Catalog;
using Attune.Storage.Artifacts;
using Attune.Storage.Datasets;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;
using Microsoft.Extensions.Options;

namespace Attune.Grains.Serving.Actions;

/// <summary>
/// GetActionRecommendations: campaign → its aws-next-best-action version's model (loaded once per process, released
/// when no campaign serves it any more: see <see cref="Retire"/>) → the user's
/// action history (stored, plus what this process committed since: see <see cref="ServedActions"/>) → ActionID filter → expiration, repeat frequency and
/// value rules → top N. A path of its own rather than the item shards: at most a few thousand actions (Personalize
/// considers 1,000), so one in-process scan costs microseconds and sharding would only add hops.
/// </summary>
public sealed class ActionRecommender(
    IResourceRegistry registry, IModelArtifacts artifacts, IDatasetStores datasets, FilterCache filters, TimeProvider clock,
    IOptions<ServingOptions>? serving = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ServedActions>>> _models = new(StringComparer.Ordinal);
    // Campaign → the version it serves here: a model no campaign serves any more is released.
    private readonly ConcurrentDictionary<string, string> _servedVersions = new(StringComparer.Ordinal);
    private readonly int? _perEventTypeCap = serving?.Value.ActionInteractionsPerEventTypeCap;

    /// <summary>True when the campaign's solution version was trained with aws-next-best-action.</summary>
    public async Task<bool> ServesActionsAsync(ResourceRecord campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var versionArn = await registry.ResolveServedVersionAsync(DescribeBody.Read<CampaignRecord>(campaign.Body).SolutionVersionArn, cancellationToken);
        return (await RecipeOfAsync(versionArn, cancellationToken))?.Type == RecipeType.PersonalizedActions;
    }

    /// <summary>Loads the campaign's model so that a campaign turns ACTIVE only when it can answer; throws when it cannot.</summary>
    public async Task DeployAsync(ResourceRecord campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var versionArn = await registry.ResolveServedVersionAsync(DescribeBody.Read<CampaignRecord>(campaign.Body).SolutionVersionArn, cancellationToken);
        Serve(campaign.Arn, versionArn);
        await ModelAsync(versionArn, cancellationToken);
    }

    /// <summary>The campaign was deleted: its model is released once no other campaign serves it.</summary>
    public void Retire(string campaignArn)
    {
        if (_servedVersions.TryRemove(campaignArn, out _))
        {
            ReleaseUnused();
        }
    }

    public async Task<ActionAnswer> RecommendAsync(ActionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.NumResults is < 0 or > ActionQuery.MaxNumResults)
        {
            throw ServingException.InvalidInput($"numResults is {query.NumResults}; it must be from 0 to {ActionQuery.MaxNumResults}.");
        }
        var campaign = await registry.GetAsync(query.CampaignArn, cancellationToken);
        if (campaign is null || campaign.Kind != ResourceKinds.Campaign)
        {
            throw ServingException.NotFound(query.CampaignArn);
        }
        if (campaign.Status != ResourceStatus.Active && !campaign.Status.StartsWith("UPDATE", StringComparison.Ordinal))
        {
            throw ServingException.InvalidInput($"The campaign {query.CampaignArn} is {campaign.Status}, not ACTIVE.");
        }
        var versionArn = await registry.ResolveServedVersionAsync(DescribeBody.Read<CampaignRecord>(campaign.Body).SolutionVersionArn, cancellationToken);
        Serve(query.CampaignArn, versionArn);
        var served = await ModelAsync(versionArn, cancellationToken);
        var filter = await BindAsync(query, cancellationToken);
        if (query.UserId is null)
        {
            throw ServingException.InvalidInput("userId is required: GetActionRecommendations recommends actions for a user.");
        }

        var now = clock.GetUtcNow();
        var (history, recent, snapshot) = await Task.Run(
            () => served.For(query.UserId, () => datasets.Open(served.DatasetGroupArn), now), cancellationToken);
        BitSet? allowed = null;
        if (filter is not null)
        {
            allowed = new BitSet(served.Model.ActionCount);
            var context = new FilterContext(snapshot.Attributes.Table)
            {
                Interactions = recent,
                InteractionsPerEventType = _perEventTypeCap,
            };
            filter.Evaluate(context, allowed);
        }

        var ranked = served.Model.Recommend(history, now.ToUnixTimeSeconds(), query.NumResults, allowed is null ? null : allowed.Contains, snapshot.Rules);
        return new ActionAnswer(
            [.. ranked.Select(s => new PredictedAction(served.Model.Catalog.ActionIds[s.Action], Math.Round(s.Score, 6)))],
            RecommendationIds.NewId(RecommendationIds.CampaignTag(query.CampaignArn)));
    }

    /// <summary>PutActionInteractions committed these rows: the group's served models see them from the next request on.</summary>
    public void Committed(string datasetGroupArn, IReadOnlyList<StoredActionInteraction> rows)
    {
        foreach (var served in Loaded(datasetGroupArn))
        {
            served.Append(rows);
        }
    }

    /// <summary>PutActions changed the group's Actions: its served models re-read them on the next request.</summary>
    public void ActionsChanged(string datasetGroupArn)
    {
        foreach (var served in Loaded(datasetGroupArn))
        {
            served.Invalidate();
        }
    }

    /// <summary>Records the version the campaign serves; when that moved (an update, $LATEST), the old model may go.</summary>
    private void Serve(string campaignArn, string versionArn)
    {
        if (_servedVersions.TryGetValue(campaignArn, out var previous) && previous == versionArn)
        {
            return;
        }
        _servedVersions[campaignArn] = versionArn;
        ReleaseUnused();
    }

    // A request still holding a released model finishes with it; the next one for that version loads it again.
    private void ReleaseUnused()
    {
        var inUse = _servedVersions.Values.ToHashSet(StringComparer.Ordinal);
        foreach (var versionArn in _models.Keys.Where(v => !inUse.Contains(v)))
        {
            _models.TryRemove(versionArn, out _);
        }
    }

    private IEnumerable<ServedActions> Loaded(string datasetGroupArn) => _models.Values
        .Where(entry => entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
        .Select(entry => entry.Value.Result)
        .Where(served => served.DatasetGroupArn == datasetGroupArn);

    private async Task<BoundFilter?> BindAsync(ActionQuery query, CancellationToken cancellationToken)
    {
        if (query.FilterArn is null)
        {
            return null;
        }
        var expression = await filters.GetAsync(query.FilterArn, cancellationToken);
        if (expression.Target != FilterTarget.Action)
        {
            throw ServingException.InvalidInput($"The filter {query.FilterArn} selects {expression.Target}s; action recommendations need an ActionID filter.");
        }
        try
        {
            return expression.Bind(query.FilterValues);
        }
        catch (FilterExpressionException error)
        {
            throw ServingException.InvalidInput($"filterValues do not fit the filter {query.FilterArn}: {error.Message}");
        }
    }

    private async Task<ServedActions> ModelAsync(string versionArn, CancellationToken cancellationToken)
    {
        var entry = _models.GetOrAdd(versionArn, arn => new Lazy<Task<ServedActions>>(() => LoadAsync(arn)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch when (entry.Value.IsFaulted)
        {
            // A failed load is not remembered: the next request tries again.
            _models.TryRemove(new(versionArn, entry));
            throw;
        }
    }

    private async Task<ServedActions> LoadAsync(string versionArn)
    {
        var version = await registry.GetAsync(versionArn);
        if (version is null || version.Kind != ResourceKinds.SolutionVersion || version.Status != ResourceStatus.Active)
        {
            throw ServingException.InvalidInput($"The solution version {versionArn} is not ACTIVE.");
        }
        var recipe = await RecipeOfAsync(versionArn, CancellationToken.None);
        if (recipe?.Type != RecipeType.PersonalizedActions)
        {
            throw ServingException.InvalidInput(
                $"The campaign's solution version {versionArn} was trained with {recipe?.Name ?? "an unknown recipe"}; GetActionRecommendations needs a campaign of aws-next-best-action.");
        }
        var groupArn = (await registry.GetAsync(version.ParentArn!))?.ParentArn
            ?? throw ServingException.InvalidInput($"The solution of {versionArn} no longer exists.");
        var actions = (await registry.ListLiveChildrenAsync(groupArn, [ResourceKinds.Dataset]))
            .Select(d => DescribeBody.Read<DatasetRecord>(d.Body))
            .FirstOrDefault(d => DatasetTypes.TryParse(d.DatasetType, out var type) && type == DatasetType.Actions)
            ?? throw ServingException.InvalidInput($"The dataset group {groupArn} no longer has an Actions dataset.");
        var schema = await registry.GetAsync(actions.SchemaArn)
            ?? throw ServingException.InvalidInput($"The schema {actions.SchemaArn} of the Actions dataset no longer exists.");
        return await Task.Run(() =>
        {
            using var stream = artifacts.OpenModel(versionArn);
            return new ServedActions(NextBestActionModel.Read(stream), groupArn,
                AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schema.Body).Schema));
        });
    }

    private async Task<RecipeDefinition?> RecipeOfAsync(string versionArn, CancellationToken cancellationToken)
    {
        var version = await registry.GetAsync(versionArn, cancellationToken);
        if (version is null || version.Kind != ResourceKinds.SolutionVersion)
        {
            return null;
        }
        var versionRecord = DescribeBody.Read<SolutionVersionRecord>(version.Body);
        var solution = await registry.GetAsync(versionRecord.SolutionArn, cancellationToken);
        var recipeArn = versionRecord.RecipeArn
            ?? (solution is null ? null : DescribeBody.Read<SolutionRecord>(solution.Body).RecipeArn);
        return recipeArn is null ? null : RecipeCatalog.Find(recipeArn);
    }
}
