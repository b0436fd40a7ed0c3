using System.Text.Json.Nodes;
using Attune.Grains.Serving;

namespace Attune.Server.Runtime;

/// <summary>
/// The runtime outputs: PredictedItem as the model defines it (itemId, score, promotionName, metadata, reason) plus
/// Attune's explanation member, which AWS SDKs ignore and raw JSON readers see.
/// </summary>
internal static class RuntimeResponses
{
    public const string ItemList = "itemList";
    public const string PersonalizedRanking = "personalizedRanking";

    public static JsonObject ToJson(ServingResult result, string listMember)
    {
        var list = new JsonArray();
        foreach (var item in result.Items)
        {
            list.Add(Item(item, result));
        }
        return new JsonObject { [listMember] = list, ["recommendationId"] = result.RecommendationId };
    }

    private static JsonObject Item(PredictedItem item, ServingResult result)
    {
        var json = new JsonObject { ["itemId"] = item.ItemId };
        if (item.Score is { } score)
        {
            json["score"] = score;
        }
        if (item.PromotionName is { } promotion)
        {
            json["promotionName"] = promotion;
        }
        if (result.MetadataColumns is { } columns && item.Item >= 0)
        {
            var metadata = new JsonObject();
            foreach (var column in columns)
            {
                metadata[column] = result.Model.Data.Items.ValueOf(column, item.Item) ?? string.Empty;
            }
            json["metadata"] = metadata;
        }
        if (item.Reason is { } reason)
        {
            json["reason"] = new JsonArray(reason);
        }
        json["explanation"] = Explanation(item.Explanation, result.Model);
        return json;
    }

    private static JsonObject Explanation(ItemExplanation explanation, ServedModel model)
    {
        var json = new JsonObject { ["basis"] = BasisName(explanation.Basis) };
        var items = new JsonArray();
        foreach (var index in (ReadOnlySpan<int>)[explanation.First, explanation.Second])
        {
            if (index >= 0)
            {
                items.Add(model.Model.ItemIds[index]);
            }
        }
        if (items.Count > 0)
        {
            json["items"] = items;
        }
        return json;
    }

    public static string BasisName(ExplanationBasis basis) => basis switch
    {
        ExplanationBasis.History => "history",
        ExplanationBasis.Popular => "popular",
        ExplanationBasis.Trending => "trending",
        ExplanationBasis.Exploration => "new item exploration",
        ExplanationBasis.Promoted => "promoted",
        ExplanationBasis.SimilarItem => "similar item",
        _ => "unknown item",
    };
}
