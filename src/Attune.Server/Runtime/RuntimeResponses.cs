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

    public static JsonObject ToJson(ServingAnswer answer, string listMember)
    {
        var list = new JsonArray();
        foreach (var item in answer.Items)
        {
            list.Add(Item(item));
        }
        return new JsonObject { [listMember] = list, ["recommendationId"] = answer.RecommendationId };
    }

    private static JsonObject Item(AnsweredItem item)
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
        if (item.Metadata is { } metadata)
        {
            var values = new JsonObject();
            foreach (var (column, value) in metadata)
            {
                values[column] = value;
            }
            json["metadata"] = values;
        }
        if (item.Reason is { } reason)
        {
            json["reason"] = new JsonArray(reason);
        }
        var explanation = new JsonObject { ["basis"] = item.ExplanationBasis };
        if (item.ExplanationItems.Length > 0)
        {
            explanation["items"] = new JsonArray([.. item.ExplanationItems.Select(id => (JsonNode)id)]);
        }
        json["explanation"] = explanation;
        return json;
    }
}
