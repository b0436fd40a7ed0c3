using Attune.Contracts.Serving;
using Attune.Grains.Serving;
using Attune.Recipes.Models;

namespace Attune.Server.Tests.Runtime;

public sealed class RecommendationTests : IDisposable
{
    private readonly ServingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task History_items_rank_by_model_score_with_catalogue_softmax_and_name_their_sources()
    {
        var campaign = await PersonalizationCampaignAsync();

        var result = await _world.Engine.RecommendAsync(Query(campaign, "u2", 4), Token);

        Assert.Equal(["i1", "i4", "i2", "i5"], Ids(result));
        float[] raw = [0, 1.1f, 0.5f, 0, 0.8f, 0.3f, 0, 0, 0, 0];
        double normalizer = raw.Sum(r => Math.Exp(r));
        Assert.Equal(Math.Exp(1.1f) / normalizer, result.Items[0].Score!.Value, 5);
        Assert.Equal(Math.Exp(0.3f) / normalizer, result.Items[3].Score!.Value, 5);
        Assert.Equal("history", result.Items[0].ExplanationBasis);
        Assert.Equal(["i0", "i3"], result.Items[0].ExplanationItems);
        Assert.Equal("history", result.Items[1].ExplanationBasis);
        Assert.Equal(["i3"], result.Items[1].ExplanationItems);
        Assert.All(result.Items, item => Assert.Null(item.Reason));
    }

    [Fact]
    public async Task A_users_second_request_served_from_cached_scores_matches_the_first()
    {
        var campaign = await PersonalizationCampaignAsync();

        var first = await _world.Engine.RecommendAsync(Query(campaign, "u2", 6), Token);
        var second = await _world.Engine.RecommendAsync(Query(campaign, "u2", 6), Token);

        Assert.Equivalent(first.Items, second.Items, strict: true);
    }

    [Fact]
    public async Task Unknown_user_gets_popular_items_with_their_popularity_share()
    {
        var campaign = await PersonalizationCampaignAsync();

        var result = await _world.Engine.RecommendAsync(Query(campaign, "nobody", 3), Token);

        Assert.Equal(["i9", "i7", "i1"], Ids(result));
        double total = ServingWorld.Popularity.Sum(p => 1 + p);
        Assert.Equal(11 / total, result.Items[0].Score!.Value, 6);
        Assert.All(result.Items, item => Assert.Equal("popular", item.ExplanationBasis));
    }

    [Fact]
    public async Task A_filter_leaving_too_few_personalized_items_is_filled_with_popular_items_without_score()
    {
        var campaign = await PersonalizationCampaignAsync();
        var filter = await _world.AddFilterAsync("genre", "INCLUDE ItemID WHERE Items.GENRE IN ($GENRE)");

        var result = await _world.Engine.RecommendAsync(
            Query(campaign, "u1", 4) with { FilterArn = filter, FilterValues = Values("GENRE", "\"comedy\"") }, Token);

        Assert.Equal(["i1", "i5", "i9", "i7"], Ids(result));
        Assert.All(result.Items.Take(2), item => Assert.NotNull(item.Score));
        Assert.All(result.Items.Skip(2), item =>
        {
            Assert.Null(item.Score);
            Assert.Equal(Reasons.Popular, item.Reason);
            Assert.Equal("popular", item.ExplanationBasis);
        });
    }

    [Fact]
    public async Task Filters_see_the_current_user_and_the_users_interactions()
    {
        var campaign = await PersonalizationCampaignAsync();
        var minors = await _world.AddFilterAsync("minors", "EXCLUDE ItemID WHERE Items.GENRE IN (\"drama\") IF CurrentUser.AGE < 18");
        var clicked = await _world.AddFilterAsync("clicked", "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")");

        var young = await _world.Engine.RecommendAsync(Query(campaign, "u1", 10) with { FilterArn = minors }, Token);
        var adult = await _world.Engine.RecommendAsync(Query(campaign, "u2", 10) with { FilterArn = minors }, Token);
        var afterClick = await _world.Engine.RecommendAsync(Query(campaign, "u2", 10) with { FilterArn = clicked }, Token);
        var onlyViewed = await _world.Engine.RecommendAsync(Query(campaign, "u1", 10) with { FilterArn = clicked }, Token);

        Assert.All(Ids(young), id => Assert.Equal("comedy", ServingWorld.Genres[int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)]));
        Assert.Contains("i2", Ids(adult));
        Assert.DoesNotContain("i0", Ids(afterClick));
        Assert.Contains("i0", Ids(onlyViewed));
    }

    [Fact]
    public async Task Filter_errors_are_the_ones_Personalize_gives()
    {
        var campaign = await PersonalizationCampaignAsync();
        var filter = await _world.AddFilterAsync("genre", "INCLUDE ItemID WHERE Items.GENRE IN ($GENRE)");

        var missing = await Assert.ThrowsAsync<ServingException>(() =>
            _world.Engine.RecommendAsync(Query(campaign, "u1", 3) with { FilterArn = filter }, Token).AsTask());
        var unknown = await Assert.ThrowsAsync<ServingException>(() =>
            _world.Engine.RecommendAsync(Query(campaign, "u1", 3) with { FilterArn = ServingWorld.Prefix + "filter/none" }, Token).AsTask());

        Assert.Equal("InvalidInputException", missing.ErrorCode);
        Assert.Contains("GENRE", missing.Message, StringComparison.Ordinal);
        Assert.Equal("ResourceNotFoundException", unknown.ErrorCode);
    }

    [Fact]
    public async Task Promotion_places_its_filters_best_items_and_keeps_both_orders()
    {
        var campaign = await PersonalizationCampaignAsync();
        var inHouse = await _world.AddFilterAsync("in-house", "INCLUDE ItemID WHERE Items.OWNER IN (\"in-house\")");

        for (int attempt = 0; attempt < 10; attempt++)
        {
            var result = await _world.Engine.RecommendAsync(
                Query(campaign, "u1", 4) with { Promotion = new PromotionQuery("house", 50, inHouse, null) }, Token);

            var promoted = result.Items.Where(i => i.PromotionName == "house").ToList();
            Assert.Equal(["i7", "i8"], promoted.Select(i => i.ItemId));
            Assert.All(promoted, item => Assert.Equal(Reasons.Promoted, item.Reason));
            Assert.Equal(["i1", "i2"], result.Items.Where(i => i.PromotionName is null).Select(i => i.ItemId));
        }
    }

    [Fact]
    public async Task Exploration_surfaces_a_young_item_and_says_so()
    {
        var version = await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("explore", version, explorationWeight: "10");

        var result = await _world.Engine.RecommendAsync(Query(campaign, "u1", 3), Token);

        Assert.Equal("i6", result.Items[0].ItemId);
        Assert.Equal(Reasons.Exploration, result.Items[0].Reason);
        Assert.Equal("new item exploration", result.Items[0].ExplanationBasis);
        Assert.Equal(["i1", "i2"], Ids(result).Skip(1));
    }

    [Fact]
    public async Task Ranking_scores_the_input_list_and_appends_unknown_items_unscored()
    {
        var version = await _world.AddVersionAsync("rank", "aws-personalized-ranking", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("rank", version);

        var result = await _world.Engine.RankAsync(new RankingQuery { CampaignArn = campaign, UserId = "u2", InputList = ["i5", "zz", "i1", "i9"] }, Token);

        Assert.Equal(["i1", "i5", "i9", "zz"], Ids(result));
        Assert.Equal(1, result.Items.Take(3).Sum(i => i.Score!.Value), 5);
        Assert.Null(result.Items[3].Score);
        Assert.Equal("unknown item", result.Items[3].ExplanationBasis);
        Assert.Equal(Math.Exp(1.1) / (Math.Exp(1.1) + Math.Exp(0.3) + 1), result.Items[0].Score!.Value, 5);
    }

    [Fact]
    public async Task Recipe_types_decide_which_operation_and_members_a_campaign_takes()
    {
        var personalization = await PersonalizationCampaignAsync();
        var rankingVersion = await _world.AddVersionAsync("rank", "aws-personalized-ranking", ServingWorld.NeighborhoodModel());
        var ranking = await _world.AddCampaignAsync("rank", rankingVersion);
        var simsVersion = await _world.AddVersionAsync("sims", "aws-sims", ServingWorld.NeighborhoodModel());
        var sims = await _world.AddCampaignAsync("sims", simsVersion);

        Assert.Equal("InvalidInputException", (await Refused(Query(ranking, "u1", 3))).ErrorCode);
        Assert.Equal("InvalidInputException", (await Refused(Query(personalization, null, 3))).ErrorCode);
        Assert.Equal("InvalidInputException", (await Refused(Query(sims, "u1", 3))).ErrorCode);
        Assert.Equal("InvalidInputException", (await Refused(Query(personalization, "u1", 501))).ErrorCode);
        Assert.Equal("InvalidInputException", (await Refused(Query(personalization, "u1", 3) with { MetadataColumns = ["GENRE"] })).ErrorCode);
        Assert.Equal("ResourceNotFoundException", (await Refused(Query(ServingWorld.Prefix + "campaign/none", "u1", 3))).ErrorCode);
        var rankOnPersonalization = await Assert.ThrowsAsync<ServingException>(() => _world.Engine.RankAsync(
            new RankingQuery { CampaignArn = personalization, UserId = "u1", InputList = ["i1"] }, Token).AsTask());
        Assert.Equal("InvalidInputException", rankOnPersonalization.ErrorCode);
    }

    [Fact]
    public async Task Related_items_leave_out_the_item_and_give_no_scores()
    {
        var version = await _world.AddVersionAsync("sims", "aws-sims", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("sims", version);

        var result = await _world.Engine.RecommendAsync(Query(campaign, null, 4) with { ItemId = "i0" }, Token);

        Assert.Equal(["i1", "i2", "i5", "i9"], Ids(result));
        Assert.All(result.Items, item => Assert.Null(item.Score));
        Assert.Equal("similar item", result.Items[0].ExplanationBasis);
        Assert.Equal(["i0"], result.Items[0].ExplanationItems);
    }

    [Fact]
    public async Task Popularity_campaigns_rank_everyone_alike_and_unknown_items_get_popular_items()
    {
        var basis = ServingWorld.NeighborhoodModel().Basis;
        var version = await _world.AddVersionAsync("pop", "aws-popularity-count", new PopularityModel(basis));
        var campaign = await _world.AddCampaignAsync("pop", version);
        var simsVersion = await _world.AddVersionAsync("sims", "aws-sims", ServingWorld.NeighborhoodModel());
        var sims = await _world.AddCampaignAsync("sims", simsVersion);

        var popular = await _world.Engine.RecommendAsync(Query(campaign, null, 3), Token);
        var unknownItem = await _world.Engine.RecommendAsync(Query(sims, null, 2) with { ItemId = "never-seen" }, Token);

        Assert.Equal(["i9", "i7", "i1"], Ids(popular));
        Assert.All(popular.Items, item => Assert.Null(item.Score));
        Assert.Equal(["i9", "i7"], Ids(unknownItem));
    }

    [Fact]
    public async Task Recommendation_ids_are_40_characters_unique_and_name_their_campaign()
    {
        var campaign = await PersonalizationCampaignAsync();

        var first = await _world.Engine.RecommendAsync(Query(campaign, "u2", 2), Token);
        var second = await _world.Engine.RecommendAsync(Query(campaign, "u2", 2), Token);

        Assert.Equal(40, first.RecommendationId.Length);
        Assert.StartsWith("RID-", first.RecommendationId, StringComparison.Ordinal);
        Assert.EndsWith(RecommendationIds.CampaignTag(campaign), first.RecommendationId, StringComparison.Ordinal);
        Assert.NotEqual(first.RecommendationId, second.RecommendationId);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<string> PersonalizationCampaignAsync()
    {
        var version = await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        return await _world.AddCampaignAsync("up", version);
    }

    private async Task<ServingException> Refused(RecommendationQuery query) =>
        await Assert.ThrowsAsync<ServingException>(() => _world.Engine.RecommendAsync(query, Token).AsTask());

    private static RecommendationQuery Query(string campaign, string? user, int count) =>
        new() { CampaignArn = campaign, UserId = user, NumResults = count };

    private static Dictionary<string, string> Values(string key, string value) => new() { [key] = value };

    private static IEnumerable<string> Ids(ServingAnswer result) => result.Items.Select(i => i.ItemId);
}
