using Attune.Contracts.Live;
using Attune.Contracts.Serving;
using Attune.Filters;
using Attune.Grains.Live;
using Attune.Grains.Serving.Shards;
using Attune.Recipes.Catalog;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Serving;

/// <summary>
/// The runtime API behind POST /recommendations and /personalize-ranking, as the CampaignGrain runs it: checks a
/// request against its campaign's recipe, reads the user's live events, binds its filters, has the model's shards
/// score and select, and issues the recommendationId; answers in the type that crosses the wire.
/// </summary>
public sealed class RecommendationEngine(
    CampaignDeployments deployments, FilterCache filters,
    IModelShards shards, ILiveHistories live, IItemActivitySource itemActivity, ILogger<RecommendationEngine> logger)
{
    /// <summary>How stale exploration's view of items' live activity may get.</summary>
    private static readonly TimeSpan ItemActivityRefresh = TimeSpan.FromSeconds(5);

    public async ValueTask<ServingAnswer> RecommendAsync(RecommendationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var deployment = await deployments.GetAsync(query.CampaignArn, cancellationToken);
        var type = deployment.Model.Recipe.Type;
        if (type is not (RecipeType.UserPersonalization or RecipeType.PopularItems or RecipeType.RelatedItems))
        {
            throw ServingException.InvalidInput($"The campaign {query.CampaignArn} serves a {RecipeTypeName(type)} recipe; call GetPersonalizedRanking.");
        }
        CheckMetadata(deployment, query.MetadataColumns, query.NumResults);
        // A domain use case's exclusion (purchased or watched items) applies when the request names the user.
        var excluded = query.UserId is null ? null : deployment.Model.Recipe.ExcludedEventType;
        var filter = await BindAsync(query.FilterArn, query.FilterValues, "filterValues", cancellationToken, excluded);
        bool filterNeedsUser = filter?.Expression.NeedsUser == true;
        if (query.UserId is null && (type == RecipeType.UserPersonalization || filterNeedsUser))
        {
            throw ServingException.InvalidInput(type == RecipeType.UserPersonalization
                ? $"userId is required: the {Served(query.CampaignArn)} serves a USER_PERSONALIZATION recipe."
                : $"userId is required: the filter {query.FilterArn} refers to the user's interactions or attributes.");
        }
        if (query.ItemId is null && type == RecipeType.RelatedItems)
        {
            throw ServingException.InvalidInput($"itemId is required: the {Served(query.CampaignArn)} serves a RELATED_ITEMS recipe.");
        }
        BoundFilter? promotionFilter = null;
        if (query.Promotion is { } promotion)
        {
            if (promotion.FilterArn is null)
            {
                throw ServingException.InvalidInput("promotions[0].filterArn is required: it selects the promoted items.");
            }
            promotionFilter = await BindAsync(promotion.FilterArn, promotion.FilterValues, "promotions[0].filterValues", cancellationToken);
        }

        bool needsHistory = type == RecipeType.UserPersonalization || filterNeedsUser || promotionFilter?.Expression.NeedsUser == true;
        var liveEvents = needsHistory ? await LiveEventsAsync(deployment, query.UserId) : [];
        using var pass = new ScoringPass(deployment, query.UserId, query.ItemId, liveEvents, deployments.InteractionsPerEventTypeCap);
        pass.Exploration.Refresh(itemActivity, deployment.Model.Data.DatasetGroupArn, ItemActivityRefresh, logger);
        var items = await Recommender.RecommendAsync(pass, new RecommendationPlan(query.NumResults, filter, query.Promotion, promotionFilter, query.Context),
            shards, Random.Shared);
        return Finish(deployment, pass.Catalogue, items, query.MetadataColumns);
    }

    public async ValueTask<ServingAnswer> RankAsync(RankingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var deployment = await deployments.GetAsync(query.CampaignArn, cancellationToken);
        if (deployment.Model.Recipe.Type != RecipeType.PersonalizedRanking)
        {
            throw ServingException.InvalidInput(
                $"The campaign {query.CampaignArn} serves a {RecipeTypeName(deployment.Model.Recipe.Type)} recipe; GetPersonalizedRanking needs a PERSONALIZED_RANKING campaign.");
        }
        CheckMetadata(deployment, query.MetadataColumns, query.InputList.Count);
        var filter = await BindAsync(query.FilterArn, query.FilterValues, "filterValues", cancellationToken);
        using var pass = new ScoringPass(deployment, query.UserId, null, await LiveEventsAsync(deployment, query.UserId),
            deployments.InteractionsPerEventTypeCap);
        return Finish(deployment, pass.Catalogue, await Ranker.RankAsync(pass, query.InputList, filter, shards, query.Context), query.MetadataColumns);
    }

    private ValueTask<LiveEvent[]> LiveEventsAsync(Deployment deployment, string? userId) => userId is null
        ? ValueTask.FromResult<LiveEvent[]>([])
        : live.ReadAsync(deployment.Model.Data.DatasetGroupArn, userId, deployment.Model.Data.LiveWatermark);

    private static ServingAnswer Finish(
        Deployment deployment, ServedCatalogue catalogue, List<PredictedItem> items, IReadOnlyList<string>? metadataColumns) =>
        ServingAnswers.From(RecommendationIds.NewId(deployment.IdTag), items, catalogue, metadataColumns);

    private async ValueTask<BoundFilter?> BindAsync(
        string? filterArn, IReadOnlyDictionary<string, string>? values, string member, CancellationToken cancellationToken,
        string? excludedEventType = null)
    {
        var expression = filterArn is null ? null : await filters.GetAsync(filterArn, cancellationToken);
        if (excludedEventType is not null)
        {
            expression = filters.WithExclusion(expression, excludedEventType);
        }
        if (expression is null)
        {
            return null;
        }
        if (expression.Target != FilterTarget.Item)
        {
            throw ServingException.InvalidInput($"The filter {filterArn} selects {expression.Target}s; recommendations need an ItemID filter.");
        }
        try
        {
            return expression.Bind(values);
        }
        catch (FilterExpressionException error)
        {
            throw ServingException.InvalidInput($"{member} do not fit the filter {filterArn}: {error.Message}");
        }
    }

    private static void CheckMetadata(Deployment deployment, IReadOnlyList<string>? columns, int numResults)
    {
        if (numResults > RecommendationQuery.MaxNumResults)
        {
            throw ServingException.InvalidInput($"numResults is {numResults}; the most is {RecommendationQuery.MaxNumResults}.");
        }
        if (columns is null)
        {
            return;
        }
        if (!deployment.Settings.MetadataEnabled)
        {
            throw ServingException.InvalidInput(
                deployment.CampaignArn.Contains(":recommender/", StringComparison.Ordinal)
                    ? $"metadataColumns needs recommenderConfig.enableMetadataWithRecommendations=true on the recommender {deployment.CampaignArn}."
                    : $"metadataColumns needs campaignConfig.enableMetadataWithRecommendations=true on the campaign {deployment.CampaignArn}.");
        }
        if (numResults > RecommendationQuery.MaxNumResultsWithMetadata)
        {
            throw ServingException.InvalidInput(
                $"numResults is {numResults}; with metadataColumns the most is {RecommendationQuery.MaxNumResultsWithMetadata}.");
        }
        foreach (var column in columns)
        {
            if (!deployment.Model.Catalogue.Items.HasColumn(column))
            {
                throw ServingException.InvalidInput($"metadataColumns names {column}, which is not a column of the Items dataset.");
            }
        }
    }

    /// <summary>"campaign ARN" or "recommender ARN": what the request named, for messages.</summary>
    private static string Served(string arn) =>
        (arn.Contains(":recommender/", StringComparison.Ordinal) ? "recommender " : "campaign ") + arn;

    private static string RecipeTypeName(RecipeType type) => type switch
    {
        RecipeType.UserPersonalization => "USER_PERSONALIZATION",
        RecipeType.PersonalizedRanking => "PERSONALIZED_RANKING",
        RecipeType.PopularItems => "POPULAR_ITEMS",
        RecipeType.RelatedItems => "RELATED_ITEMS",
        _ => "USER_SEGMENTATION",
    };
}
