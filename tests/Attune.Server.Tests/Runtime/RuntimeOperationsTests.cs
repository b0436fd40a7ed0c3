using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Serving;
using Attune.Grains.Serving;
using Attune.Grains.Tests.Serving;
using Attune.Server.Attribution;
using Attune.Server.ControlPlane;
using Attune.Server.Runtime;
using Attune.Server.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Server.Tests.Runtime;

/// <summary>The wire side: request members in, PredictedItem members (and Attune's explanation) out, errors as ApiException.</summary>
public sealed class RuntimeOperationsTests : IDisposable
{
    private readonly ServingWorld _world = new();
    private readonly OperationHandlers _registry;

    public RuntimeOperationsTests()
    {
        // The online-metrics buffer only queues here: nothing flushes it, so it needs no grains or registry.
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        _registry = new OperationHandlers([new RuntimeOperations(new EngineServing(_world.Engine), new OnlineMetricsBuffer(null!, null!, TimeProvider.System, meters))]);
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task GetRecommendations_returns_every_member_of_PredictedItem()
    {
        var version = await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("meta", version, metadata: true);
        var inHouse = await _world.AddFilterAsync("in-house", "INCLUDE ItemID WHERE Items.OWNER IN ($OWNER)");

        var output = await CallAsync("GetRecommendations", $$$"""
            {"campaignArn":"{{{campaign}}}","userId":"u2","numResults":4,"context":{"DEVICE":"phone"},
             "metadataColumns":{"ITEMS":["GENRE","PRICE"]},
             "promotions":[{"name":"house","percentPromotedItems":25,"filterArn":"{{{inHouse}}}","filterValues":{"OWNER":"\"in-house\""}}]}
            """);

        var items = output["itemList"]!.AsArray();
        Assert.Equal(4, items.Count);
        var first = items.Select(i => i!.AsObject()).First(i => i["promotionName"] is null);
        Assert.Equal("i1", first["itemId"]!.GetValue<string>());
        Assert.True(first["score"]!.GetValue<double>() > 0);
        Assert.Equal("comedy", first["metadata"]!["GENRE"]!.GetValue<string>());
        Assert.Equal("10", first["metadata"]!["PRICE"]!.GetValue<string>());
        Assert.Equal("history", first["explanation"]!["basis"]!.GetValue<string>());
        Assert.Equal(["i0", "i3"], first["explanation"]!["items"]!.AsArray().Select(i => i!.GetValue<string>()));
        var promoted = items.Select(i => i!.AsObject()).Single(i => i["promotionName"] is not null);
        Assert.Equal("house", promoted["promotionName"]!.GetValue<string>());
        Assert.Equal(["Promoted item"], promoted["reason"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(40, output["recommendationId"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task GetPersonalizedRanking_lists_unknown_items_last_without_score()
    {
        var version = await _world.AddVersionAsync("rank", "aws-personalized-ranking", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("rank", version);

        var output = await CallAsync("GetPersonalizedRanking", $$"""{"campaignArn":"{{campaign}}","userId":"u1","inputList":["new","i2","i1"]}""");

        var ranking = output["personalizedRanking"]!.AsArray();
        Assert.Equal(["i1", "i2", "new"], ranking.Select(i => i!["itemId"]!.GetValue<string>()));
        Assert.Null(ranking[2]!["score"]);
    }

    [Fact]
    public async Task Serving_errors_become_the_modeled_errors()
    {
        var version = await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("up", version);

        var missingCampaign = await Assert.ThrowsAsync<ApiException>(() => CallAsync("GetRecommendations", """{"userId":"u1"}"""));
        var both = await Assert.ThrowsAsync<ApiException>(() => CallAsync("GetRecommendations", $$"""{"campaignArn":"{{campaign}}","recommenderArn":"arn:aws:personalize:us-east-1:000000000000:recommender/r","userId":"u1"}"""));
        var unknownRecommender = await Assert.ThrowsAsync<ApiException>(() => CallAsync("GetRecommendations", """{"recommenderArn":"arn:aws:personalize:us-east-1:000000000000:recommender/r","userId":"u1"}"""));
        var unknownCampaign = await Assert.ThrowsAsync<ApiException>(() => CallAsync("GetRecommendations", """{"campaignArn":"arn:aws:personalize:us-east-1:000000000000:campaign/none","userId":"u1"}"""));
        var badMetadataKey = await Assert.ThrowsAsync<ApiException>(() => CallAsync("GetRecommendations", $$$"""{"campaignArn":"{{{campaign}}}","userId":"u1","metadataColumns":{"USERS":["AGE"]}}"""));

        Assert.Equal("InvalidInputException", missingCampaign.ErrorCode);
        Assert.Equal("InvalidInputException", both.ErrorCode);
        Assert.Equal("ResourceNotFoundException", unknownRecommender.ErrorCode);
        Assert.Equal("ResourceNotFoundException", unknownCampaign.ErrorCode);
        Assert.Equal("InvalidInputException", badMetadataKey.ErrorCode);
    }

    private async Task<JsonObject> CallAsync(string operation, string body)
    {
        Assert.True(_registry.TryGetWritten(operation, out var handler));
        using var input = JsonDocument.Parse(body);
        var context = new CallContext("us-east-1", "000000000000", 0, TestContext.Current.CancellationToken);
        var output = await handler(input.RootElement, context);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            output.WriteTo(writer);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }
}

/// <summary>The wire tests' way to the engine: the campaign grain's two lines, without a silo (end-to-end tests go through the grain).</summary>
internal sealed class EngineServing(RecommendationEngine engine) : ICampaignServing
{
    public async Task<ServingAnswer> RecommendAsync(RecommendationQuery query) => await engine.RecommendAsync(query, CancellationToken.None);

    public async Task<ServingAnswer> RankAsync(RankingQuery query) => await engine.RankAsync(query, CancellationToken.None);
}
