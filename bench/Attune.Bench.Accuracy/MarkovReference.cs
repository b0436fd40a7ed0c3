using Attune.Recipes.Evaluation;
using Attune.Recipes.Models;

namespace Attune.Bench.Accuracy;

/// <summary>
/// The shared README's "Markov last-3 items (decay 0.5)" reference, for datasets that have no reference figures
/// (generated ones): transition counts between consecutive interactions of each user's training sequence; a test
/// user scores item j by Σ over its newest 3 distinct history items of 0.5^t · count(item_t → j); popularity (training
/// interaction count) breaks ties and backs off. Candidates and metrics as <see cref="OfflineEvaluator"/>.
/// </summary>
internal static class MarkovReference
{
    private const int Window = 3;

    public static IReadOnlyDictionary<string, double> Evaluate(HoldoutSplit split)
    {
        var data = split.Data;
        var popularity = new float[data.ItemCount];
        var rowsByUser = new List<int>[data.UserCount];
        for (int row = 0; row < data.Count; row++)
        {
            if (split.TrainingRows[row])
            {
                popularity[data.Items[row]]++;
                (rowsByUser[data.Users[row]] ??= []).Add(row);
            }
        }

        var transitions = new Dictionary<int, Dictionary<int, float>>();
        foreach (var rows in rowsByUser.Where(r => r is not null))
        {
            int[] ordered = [.. rows.OrderBy(r => data.Timestamps[r])];
            for (int i = 1; i < ordered.Length; i++)
            {
                var next = transitions.TryGetValue(data.Items[ordered[i - 1]], out var found) ? found : transitions[data.Items[ordered[i - 1]]] = [];
                next[data.Items[ordered[i]]] = next.GetValueOrDefault(data.Items[ordered[i]]) + 1;
            }
        }

        float maxPopularity = popularity.Max();
        var lists = new int[split.Users.Count][];
        Parallel.For(0, split.Users.Count, index =>
        {
            var user = split.Users[index];
            var history = split.HistoryOf(user).Items.ToArray();
            var scores = new float[data.ItemCount];
            for (int i = 0; i < scores.Length; i++)
            {
                scores[i] = 1e-3f * popularity[i] / maxPopularity;
            }

            var newest = history.Reverse().Distinct().Take(Window).ToArray();
            float weight = 1;
            foreach (int item in newest)
            {
                foreach (var (next, count) in transitions.GetValueOrDefault(item) ?? [])
                {
                    scores[next] += weight * count;
                }

                weight *= 0.5f;
            }

            var seen = history.ToHashSet();
            lists[index] = TopK.Select(scores, 25, item => popularity[item] > 0 && !seen.Contains(item));
        });

        return OfflineEvaluator.Summarize(lists, [.. split.Users.Select(u => (IReadOnlySet<int>)u.HeldOutItems.ToHashSet())],
            popularity.Count(p => p > 0));
    }
}
