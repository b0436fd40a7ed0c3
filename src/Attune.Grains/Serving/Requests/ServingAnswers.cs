using Attune.Contracts.Serving;

namespace Attune.Grains.Serving;

/// <summary>Resolves a <see cref="ServingResult"/> (model indices) to the <see cref="ServingAnswer"/> that crosses the wire (ids and strings).</summary>
public static class ServingAnswers
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
