using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Segmentation;

/// <summary>A user index with its affinity to a segment query (mean softmax probability of the query's items).</summary>
public readonly record struct ScoredUser(int User, double Score);

/// <summary>
/// USER_SEGMENTATION (aws-item-affinity, aws-item-attribute-affinity): the users most likely to interact with a
/// set of items, scored by the personalization model from each user's history.
/// </summary>
public static class UserSegmentation
{
    /// <summary>The <paramref name="count"/> users with the highest affinity to <paramref name="items"/>, best first.</summary>
    public static IReadOnlyList<ScoredUser> ForItems(RecommendationModel model, IReadOnlyList<ModelHistory> histories,
        IReadOnlyCollection<int> items, int count, CancellationToken cancellationToken = default)
    {
        var known = items.Where(i => (uint)i < (uint)model.ItemCount).ToArray();
        var affinity = new double[histories.Count];
        if (known.Length > 0)
        {
            Parallel.For(0, histories.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new float[model.ItemCount],
                (user, _, scores) =>
                {
                    model.Score(histories[user], scores);
                    affinity[user] = MeanProbability(scores, known);
                    return scores;
                },
                _ => { });
        }

        return [.. Enumerable.Range(0, histories.Count)
            .OrderByDescending(u => affinity[u]).ThenBy(u => u)
            .Take(count)
            .Select(u => new ScoredUser(u, affinity[u]))];
    }

    /// <summary>Items whose categorical <paramref name="column"/> holds <paramref name="value"/> (case-insensitive, '|' multi-values).</summary>
    public static IReadOnlyList<int> ItemsWithAttribute(ItemMetadata metadata, string column, string value)
    {
        var values = metadata.Categorical.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))?.Values ?? [];
        return [.. Enumerable.Range(0, values.Length).Where(i => values[i] is { } v
            && v.Split('|').Any(part => string.Equals(part.Trim(), value, StringComparison.OrdinalIgnoreCase)))];
    }

    private static double MeanProbability(ReadOnlySpan<float> scores, int[] items)
    {
        float max = float.NegativeInfinity;
        foreach (float s in scores)
        {
            max = Math.Max(max, s);
        }

        double normalizer = 0;
        foreach (float s in scores)
        {
            normalizer += Math.Exp(s - max);
        }

        double sum = 0;
        foreach (int item in items)
        {
            sum += Math.Exp(scores[item] - max) / normalizer;
        }

        return sum / items.Length;
    }
}
