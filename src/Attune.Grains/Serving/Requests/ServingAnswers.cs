using Attune.Contracts.Serving;

namespace Attune.Grains.Serving;

/// <summary>
/// The engine's last step: the ranked items (model indices) resolved to the <see cref="ServingAnswer"/> that leaves the
/// campaign grain and that the front door writes as it is (ids and strings), so a request's result has one shape from
/// the engine to the wire.
/// </summary>
internal static class ServingAnswers
{
    public static ServingAnswer From(
        string recommendationId, List<PredictedItem> ranked, ServedCatalogue catalogue, IReadOnlyList<string>? metadataColumns)
    {
        var items = new AnsweredItem[ranked.Count];
        for (int i = 0; i < items.Length; i++)
        {
            var item = ranked[i];
            items[i] = new AnsweredItem(item.ItemId, item.Score, item.Reason, item.PromotionName, Metadata(item, catalogue, metadataColumns),
                BasisName(item.Explanation.Basis), ExplanationItems(item.Explanation, catalogue), item.Explanation.Context);
        }
        return new ServingAnswer(recommendationId, items);
    }

    private static string BasisName(ExplanationBasis basis) => basis switch
    {
        ExplanationBasis.History => "history",
        ExplanationBasis.Popular => "popular",
        ExplanationBasis.Trending => "trending",
        ExplanationBasis.Exploration => "new item exploration",
        ExplanationBasis.Promoted => "promoted",
        ExplanationBasis.SimilarItem => "similar item",
        _ => "unknown item",
    };

    private static Dictionary<string, string>? Metadata(PredictedItem item, ServedCatalogue catalogue, IReadOnlyList<string>? metadataColumns)
    {
        if (metadataColumns is not { } columns || item.Item < 0)
        {
            return null;
        }
        var metadata = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            metadata[column] = catalogue.Items.ValueOf(column, item.Item) ?? string.Empty;
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
