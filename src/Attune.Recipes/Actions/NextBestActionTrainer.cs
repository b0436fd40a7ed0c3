using Attune.Recipes.Data;
using Attune.Recipes.Training;

namespace Attune.Recipes.Actions;

/// <summary>
/// Trains <see cref="NextBestActionModel"/> from action interactions and the Actions dataset:
/// 1. prior per action: its TAKEN share of exposures (TAKEN + NOT_TAKEN + VIEWED), shrunk towards the global rate; an action
///    nobody has seen takes the mean prior of the actions sharing a categorical value with it (else the global rate);
/// 2. co-taking similarity between actions: distinct users who took both / √(takers of each) (item-kNN cosine);
/// 3. the weights of co-taking and metadata affinity, by logistic regression over every (user, action) pair the user has an
///    event for, labelled taken when the user took the action within <c>action_optimization_period</c> days of first meeting it.
/// </summary>
public static class NextBestActionTrainer
{
    public const string OptimizationPeriod = "action_optimization_period";

    /// <summary>Pseudo-exposures at the global rate added to each action's counts (how far a rarely seen action trusts its own rate).</summary>
    private const double PriorStrength = 10;
    private const long SecondsPerDay = 86_400;

    public static NextBestActionModel Train(InteractionData interactions, ActionCatalog catalog, int optimizationPeriodDays,
        CancellationToken cancellationToken = default)
    {
        var histories = ActionHistories.Build(interactions, catalog);
        if (catalog.Count == 0)
        {
            throw new InsufficientDataException("Create failed. The Actions dataset has no actions.");
        }

        if (!histories.Any(h => h.Any(e => e.Taken)))
        {
            throw new InsufficientDataException(
                "Create failed. The Action_Interactions dataset has no TAKEN interaction with an action of the Actions dataset.");
        }

        var (tokenStart, tokens) = Tokenize(catalog);
        var prior = Priors(histories, catalog.Count, tokenStart, tokens);
        cancellationToken.ThrowIfCancellationRequested();
        var (start, columns, values) = CoTaking(histories, catalog.Count);
        cancellationToken.ThrowIfCancellationRequested();
        var examples = Examples(histories, catalog.Count, prior, start, columns, values, tokenStart, tokens, optimizationPeriodDays * SecondsPerDay);
        var weights = PropensityFit.Fit(examples);
        return new NextBestActionModel(catalog, prior, start, columns, values, tokenStart, tokens, weights);
    }

    /// <summary>Each action's categorical values as sorted token ids ("COLUMN=value", '|' multi-values split).</summary>
    private static (int[] Start, int[] Tokens) Tokenize(ActionCatalog catalog)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = new int[catalog.Count + 1];
        var tokens = new List<int>();
        for (int a = 0; a < catalog.Count; a++)
        {
            var own = new SortedSet<int>();
            foreach (var column in catalog.Categorical)
            {
                foreach (var value in (column.Values[a] ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    string key = column.Name + "=" + value.ToLowerInvariant();
                    own.Add(ids.TryGetValue(key, out int id) ? id : ids[key] = ids.Count);
                }
            }

            tokens.AddRange(own);
            start[a + 1] = tokens.Count;
        }

        return (start, [.. tokens]);
    }

    private static float[] Priors(IReadOnlyList<ActionEvent>[] histories, int actionCount, int[] tokenStart, int[] tokens)
    {
        var taken = new double[actionCount];
        var exposures = new double[actionCount];
        foreach (var e in histories.SelectMany(h => h))
        {
            exposures[e.Action]++;
            taken[e.Action] += e.Taken ? 1 : 0;
        }

        double globalRate = (taken.Sum() + 1) / (exposures.Sum() + 2);
        var rate = new double[actionCount];
        for (int a = 0; a < actionCount; a++)
        {
            rate[a] = (taken[a] + (PriorStrength * globalRate)) / (exposures[a] + PriorStrength);
        }

        var prior = new float[actionCount];
        for (int a = 0; a < actionCount; a++)
        {
            double p = exposures[a] > 0 ? rate[a] : ColdRate(a, exposures, rate, tokenStart, tokens) ?? globalRate;
            prior[a] = (float)ActionFeatures.Logit(Math.Clamp(p, 1e-4, 1 - 1e-4));
        }

        return prior;
    }

    /// <summary>The mean rate of the seen actions that share a categorical value with a cold action; null when none does.</summary>
    private static double? ColdRate(int action, double[] exposures, double[] rate, int[] tokenStart, int[] tokens)
    {
        var own = tokens[tokenStart[action]..tokenStart[action + 1]];
        var shared = Enumerable.Range(0, exposures.Length)
            .Where(b => exposures[b] > 0 && tokens[tokenStart[b]..tokenStart[b + 1]].Intersect(own).Any())
            .ToList();
        return shared.Count == 0 ? null : shared.Average(b => rate[b]);
    }

    private static (int[] Start, int[] Columns, float[] Values) CoTaking(IReadOnlyList<ActionEvent>[] histories, int actionCount)
    {
        var takers = new int[actionCount];
        var pairs = new Dictionary<(int, int), int>();
        foreach (var history in histories)
        {
            var taken = ActionFeatures.TakenActions(history);
            foreach (int a in taken)
            {
                takers[a]++;
                foreach (int b in taken)
                {
                    if (a != b)
                    {
                        pairs[(a, b)] = pairs.GetValueOrDefault((a, b)) + 1;
                    }
                }
            }
        }

        var rows = pairs.GroupBy(p => p.Key.Item1).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Key.Item2).ToList());
        var start = new int[actionCount + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (int a = 0; a < actionCount; a++)
        {
            foreach (var ((_, b), count) in rows.GetValueOrDefault(a) ?? [])
            {
                columns.Add(b);
                values.Add((float)(count / Math.Sqrt((double)takers[a] * takers[b])));
            }

            start[a + 1] = columns.Count;
        }

        return (start, [.. columns], [.. values]);
    }

    private static List<PropensityExample> Examples(IReadOnlyList<ActionEvent>[] histories, int actionCount, float[] prior,
        int[] start, int[] columns, float[] values, int[] tokenStart, int[] tokens, long periodSeconds)
    {
        var examples = new List<PropensityExample>();
        var coTaking = new float[actionCount];
        foreach (var history in histories)
        {
            if (history.Count == 0)
            {
                continue;
            }

            var taken = ActionFeatures.TakenActions(history);
            ActionFeatures.CoTaking(taken, start, columns, values, coTaking);
            var firstSeen = new Dictionary<int, long>();
            var takenInPeriod = new HashSet<int>();
            foreach (var e in history)
            {
                long first = firstSeen.TryGetValue(e.Action, out long seen) ? seen : firstSeen[e.Action] = e.Timestamp;
                if (e.Taken && e.Timestamp - first <= periodSeconds)
                {
                    takenInPeriod.Add(e.Action);
                }
            }

            foreach (int a in firstSeen.Keys)
            {
                examples.Add(new PropensityExample(prior[a], coTaking[a], ActionFeatures.MetadataAffinity(a, taken, tokenStart, tokens),
                    takenInPeriod.Contains(a)));
            }
        }

        return examples;
    }
}
