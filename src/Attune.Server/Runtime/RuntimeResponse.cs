using System.Text.Json;
using Attune.Contracts.Serving;
using Attune.Server.Wire;

namespace Attune.Server.Runtime;

/// <summary>
/// A runtime output: PredictedItem as the model defines it (itemId, score, promotionName, metadata, reason) plus
/// Attune's explanation member, which AWS SDKs ignore and raw JSON readers see. Written straight to the response
/// (members in this order, absent ones left out), not built as a JsonObject per request.
/// </summary>
internal sealed class RuntimeResponse(ServingAnswer answer, string listMember) : IWireOutput
{
    public const string ItemList = "itemList";
    public const string PersonalizedRanking = "personalizedRanking";

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(listMember);
        foreach (var item in answer.Items)
        {
            WriteItem(writer, item);
        }
        writer.WriteEndArray();
        writer.WriteString("recommendationId", answer.RecommendationId);
        writer.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter writer, AnsweredItem item)
    {
        writer.WriteStartObject();
        writer.WriteString("itemId", item.ItemId);
        if (item.Score is { } score)
        {
            writer.WriteNumber("score", score);
        }
        if (item.PromotionName is { } promotion)
        {
            writer.WriteString("promotionName", promotion);
        }
        if (item.Metadata is { } metadata)
        {
            writer.WriteStartObject("metadata");
            foreach (var (column, value) in metadata)
            {
                writer.WriteString(column, value);
            }
            writer.WriteEndObject();
        }
        if (item.Reason is { } reason)
        {
            writer.WriteStartArray("reason");
            writer.WriteStringValue(reason);
            writer.WriteEndArray();
        }
        writer.WriteStartObject("explanation");
        writer.WriteString("basis", item.ExplanationBasis);
        if (item.ExplanationItems.Length > 0)
        {
            writer.WriteStartArray("items");
            foreach (var id in item.ExplanationItems)
            {
                writer.WriteStringValue(id);
            }
            writer.WriteEndArray();
        }
        if (item.ExplanationContext is { } context)
        {
            writer.WriteStartArray("context");
            foreach (var pair in context)
            {
                writer.WriteStringValue(pair);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
