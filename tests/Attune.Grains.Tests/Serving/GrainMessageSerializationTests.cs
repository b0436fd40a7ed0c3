using Attune.Contracts.Live;
using Attune.Contracts.Serving;
using Attune.Contracts.Serving.Shards;
using Attune.Filters;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Attune.Grains.Tests.Serving;

/// <summary>
/// The serving path's messages as they cross silos (on one silo they pass by reference): every member survives
/// Orleans' serializer, bit sets included.
/// </summary>
public sealed class GrainMessageSerializationTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(ShardQuery).Assembly).AddAssembly(typeof(LiveEvent).Assembly))
        .BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_recommendation_query_with_filter_values_promotion_and_metadata_round_trips()
    {
        var query = new RecommendationQuery
        {
            CampaignArn = "arn:campaign", UserId = "u1", ItemId = "i1", NumResults = 7, FilterArn = "arn:filter",
            FilterValues = new Dictionary<string, string> { ["GENRE"] = "\"comedy\"" },
            Promotion = new PromotionQuery("house", 20, "arn:promo", new Dictionary<string, string> { ["OWNER"] = "\"us\"" }),
            MetadataColumns = ["GENRE", "PRICE"],
        };

        var copy = RoundTrip(query);

        Assert.Equal(query.CampaignArn, copy.CampaignArn);
        Assert.Equal(query.NumResults, copy.NumResults);
        Assert.Equal("\"comedy\"", copy.FilterValues!["GENRE"]);
        Assert.Equal("\"us\"", copy.Promotion!.FilterValues!["OWNER"]);
        Assert.Equal(20, copy.Promotion.PercentPromotedItems);
        Assert.Equal(["GENRE", "PRICE"], copy.MetadataColumns);
    }

    [Fact]
    public void A_shard_query_and_its_selection_round_trip_with_their_bit_sets()
    {
        var allowed = new BitSet(130);
        allowed.Add(3);
        allowed.Add(129);
        var query = new ShardQuery
        {
            Scoring = ShardScoring.History, Trending = true, QueryVector = [0.5f, -1],
            History = new ShardRequestHistory { UserId = "u1", Stamp = 40, Items = [9, 4], EventTypes = [0, -1], EventValues = [1.5f, float.NaN] },
            QueryItem = 5, Allowed = allowed, ScoredItems = [1, 2], MainCount = 25, PromotionCount = 3, ExplainPerItem = 2,
        };
        var selection = new ShardSelection
        {
            Basis = ScoreBasis.History, Main = [3, 129], MainScores = [0.5f, 0.25f], Promoted = [], PromotedScores = [],
            ScoredItemScores = [float.NaN, 1], Max = 0.5f, SumExp = 1.75, MainContributors = [9, -1, 4, 9],
        };

        var queryCopy = RoundTrip(query);
        var selectionCopy = RoundTrip(selection);

        Assert.Equal(40, queryCopy.History.Stamp);
        Assert.Equal("u1", queryCopy.History.UserId);
        Assert.Equal([9, 4], queryCopy.History.Items);
        Assert.Equal([0, -1], queryCopy.History.EventTypes);
        Assert.Equal(1.5f, queryCopy.History.EventValues[0]);
        Assert.True(queryCopy.Trending);
        Assert.Equal([0.5f, -1], queryCopy.QueryVector);
        Assert.Equal(130, queryCopy.Allowed!.Length);
        Assert.True(queryCopy.Allowed.Contains(3) && queryCopy.Allowed.Contains(129) && !queryCopy.Allowed.Contains(4));
        Assert.Null(queryCopy.PromotionAllowed);
        Assert.Equal([1, 2], queryCopy.ScoredItems);
        Assert.Equal(2, queryCopy.ExplainPerItem);
        Assert.Equal(selection.Main, selectionCopy.Main);
        Assert.True(float.IsNaN(selectionCopy.ScoredItemScores[0]));
        Assert.Equal(1.75, selectionCopy.SumExp);
        Assert.Equal([9, -1, 4, 9], selectionCopy.MainContributors);
    }

    [Fact]
    public void An_explanation_query_round_trips_with_its_history()
    {
        var query = new ContributorQuery
        {
            History = new ShardRequestHistory { UserId = "u7", Stamp = -3, Items = [4, 2], EventTypes = [], EventValues = [] },
            Items = [11, 12],
            PerItem = 2,
        };

        var copy = RoundTrip(query);

        Assert.Equal([4, 2], copy.History.Items);
        Assert.Equal(-3, copy.History.Stamp);
        Assert.Equal([11, 12], copy.Items);
        Assert.Equal(2, copy.PerItem);
    }

    [Fact]
    public void An_answer_and_a_refusal_round_trip()
    {
        var answer = new ServingAnswer("rid", [new AnsweredItem("i1", 0.5, "Popular item", null,
            new Dictionary<string, string> { ["GENRE"] = "comedy" }, "popular", [])]);
        var error = ServingException.InvalidInput("numResults is 900; the most is 500.");

        var answerCopy = RoundTrip(answer);
        var errorCopy = RoundTrip(error);

        Assert.Equal("comedy", answerCopy.Items[0].Metadata!["GENRE"]);
        Assert.Equal("Popular item", answerCopy.Items[0].Reason);
        Assert.Equal("InvalidInputException", errorCopy.ErrorCode);
        Assert.Equal(error.Message, errorCopy.Message);
    }

    private T RoundTrip<T>(T value)
    {
        var serializer = _services.GetRequiredService<Serializer>();
        return serializer.Deserialize<T>(serializer.SerializeToArray(value))!;
    }
}
