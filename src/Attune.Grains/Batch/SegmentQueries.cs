using System.Text.RegularExpressions;
using Attune.Grains.Serving;
using Attune.Recipes.Data;
using Attune.Recipes.Segmentation;

namespace Attune.Grains.Batch;

/// <summary>
/// A batch segment line's items: <c>{"itemId": "i1"}</c> is that item; <c>{"itemAttributes": "ITEMS.GENRES = \"Comedy\" AND ..."}</c>
/// the items matching every clause (Personalize allows only <c>=</c> and <c>AND</c>; the <c>ITEMS.</c> prefix is optional).
/// </summary>
internal static partial class SegmentQueries
{
    /// <summary>The model item indices, or null with <paramref name="error"/>.</summary>
    public static IReadOnlyCollection<int>? ItemsOf(ServedModel model, string? itemId, string? itemAttributes, out string? error)
    {
        error = null;
        if ((itemId is null) == (itemAttributes is null))
        {
            error = "A line needs exactly one of itemId (aws-item-affinity) and itemAttributes (aws-item-attribute-affinity).";
            return null;
        }
        if (itemId is not null)
        {
            if (model.Catalogue.ItemIndex.TryGetValue(itemId, out var index) && index < model.ItemCount)
            {
                return [index];
            }
            error = $"The item {itemId} is not in the solution version's training data.";
            return null;
        }
        HashSet<int>? items = null;
        foreach (var clause in AndSplit().Split(itemAttributes!))
        {
            var match = Clause().Match(clause);
            if (!match.Success)
            {
                error = $"itemAttributes clause '{clause.Trim()}' must be COLUMN = \"value\" (only = and AND are supported).";
                return null;
            }
            var column = match.Groups["column"].Value;
            if (!model.Catalogue.Items.HasColumn(column))
            {
                error = $"itemAttributes names {column}, which is not a column of the Items dataset.";
                return null;
            }
            var matching = UserSegmentation.ItemsWithAttribute(Metadata(model, column), column, match.Groups["value"].Value);
            items = items is null ? [.. matching] : [.. items.Intersect(matching)];
        }
        return items ?? [];
    }

    /// <summary>The column's values for the model's items, the shape segmentation reads.</summary>
    private static ItemMetadata Metadata(ServedModel model, string column)
    {
        var values = new string?[model.ItemCount];
        for (int item = 0; item < values.Length; item++)
        {
            values[item] = model.Catalogue.Items.ValueOf(column, item);
        }
        return new ItemMetadata { Categorical = [new CategoricalColumn(column, values)] };
    }

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplit();

    [GeneratedRegex("""^\s*(?:ITEMS\.)?(?<column>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*"(?<value>[^"]*)"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();
}
