namespace Attune.Grains.Serving;

/// <summary>
/// A served answer as it leaves the campaign grain: every value the wire output needs, resolved to ids and
/// strings (metadata values, explanation items), so the front door needs no model.
/// </summary>
[GenerateSerializer, Immutable, Alias("attune.ServingAnswer")]
public sealed record ServingAnswer([property: Id(0)] string RecommendationId, [property: Id(1)] AnsweredItem[] Items)
{
    public static ServingAnswer From(ServingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var items = new AnsweredItem[result.Items.Count];
        for (int i = 0; i < items.Length; i++)
        {
            var item = result.Items[i];
            items[i] = new AnsweredItem(item.ItemId, item.Score, item.Reason, item.PromotionName, Metadata(item, result),
                BasisName(item.Explanation.Basis), ExplanationItems(item.Explanation, result.Catalogue));
        }
        return new ServingAnswer(result.RecommendationId, items);
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

    private static Dictionary<string, string>? Metadata(PredictedItem item, ServingResult result)
    {
        if (result.MetadataColumns is not { } columns || item.Item < 0)
        {
            return null;
        }
        var metadata = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            metadata[column] = result.Catalogue.Items.ValueOf(column, item.Item) ?? string.Empty;
        }
        return metadata;
    }

    private static string[] ExplanationItems(ItemExplanation explanation, ServedCatalogue catalogue)
    {
        var ids = new List<string>(2);
        foreach (var index in (ReadOnlySpan<int>)[explanation.First, explanation.Second])
        {
            if (index >= 0)
            {
                ids.Add(catalogue.ItemIds[index]);
            }
        }
        return [.. ids];
    }
}

/// <summary>One PredictedItem with Attune's explanation: its basis and the items behind it.</summary>
[GenerateSerializer, Immutable, Alias("attune.AnsweredItem")]
public sealed record AnsweredItem(
    [property: Id(0)] string ItemId,
    [property: Id(1)] double? Score,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? PromotionName,
    [property: Id(4)] Dictionary<string, string>? Metadata,
    [property: Id(5)] string ExplanationBasis,
    [property: Id(6)] string[] ExplanationItems);
