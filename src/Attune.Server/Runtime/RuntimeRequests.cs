using System.Text.Json;
using Attune.Contracts.Serving;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;

namespace Attune.Server.Runtime;

/// <summary>Reads runtime request bodies that passed model validation into the engine's queries.</summary>
internal static class RuntimeRequests
{
    private const string ItemsDataset = "ITEMS";

    public static RecommendationQuery Recommendation(JsonElement input)
    {
        // A recommender is served by the same engine as a campaign, keyed by its ARN.
        var campaignArn = input.OptionalString("campaignArn");
        var recommenderArn = input.OptionalString("recommenderArn");
        if ((campaignArn is null) == (recommenderArn is null))
        {
            throw ApiErrors.InvalidInput(campaignArn is null
                ? "Either campaignArn or recommenderArn is required."
                : "Give campaignArn or recommenderArn, not both.");
        }
        return new RecommendationQuery
        {
            CampaignArn = campaignArn ?? recommenderArn!,
            UserId = input.OptionalString("userId"),
            ItemId = input.OptionalString("itemId"),
            NumResults = input.OptionalInt("numResults") ?? RecommendationQuery.DefaultNumResults,
            FilterArn = input.OptionalString("filterArn"),
            FilterValues = StringMap(input, "filterValues"),
            Promotion = input.OptionalArray("promotions").Select(Promotion).FirstOrDefault(),
            MetadataColumns = MetadataColumns(input),
            Context = StringMap(input, "context"),
        };
    }

    public static RankingQuery Ranking(JsonElement input) => new()
    {
        CampaignArn = input.RequiredString("campaignArn"),
        UserId = input.RequiredString("userId"),
        InputList = [.. input.OptionalArray("inputList").Select(item => item.GetString()!)],
        FilterArn = input.OptionalString("filterArn"),
        FilterValues = StringMap(input, "filterValues"),
        MetadataColumns = MetadataColumns(input),
        Context = StringMap(input, "context"),
    };

    private static PromotionQuery Promotion(JsonElement promotion) => new(
        promotion.OptionalString("name"),
        promotion.OptionalInt("percentPromotedItems") ?? throw ApiErrors.InvalidInput("promotions[0].percentPromotedItems is required."),
        promotion.OptionalString("filterArn"),
        StringMap(promotion, "filterValues"));

    internal static Dictionary<string, string>? StringMap(JsonElement input, string member) =>
        input.OptionalObject(member)?.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);

    /// <summary>metadataColumns: one key, the dataset type ITEMS, naming the columns to return.</summary>
    private static List<string>? MetadataColumns(JsonElement input)
    {
        if (input.OptionalObject("metadataColumns") is not { } map)
        {
            return null;
        }
        List<string>? columns = null;
        foreach (var entry in map.EnumerateObject())
        {
            if (!entry.Name.Equals(ItemsDataset, StringComparison.Ordinal))
            {
                throw ApiErrors.InvalidInput($"metadataColumns has the key {entry.Name}; the only dataset with metadata to return is {ItemsDataset}.");
            }
            columns = [.. entry.Value.EnumerateArray().Select(c => c.GetString()!)];
        }
        return columns;
    }
}
