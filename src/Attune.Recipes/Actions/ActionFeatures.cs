namespace Attune.Recipes.Actions;

/// <summary>
/// The per-user signals of the propensity model, shared by training and serving so both see the same numbers:
/// co-taking (Σ over the user's taken actions b of sim(b, a)) and metadata affinity (the share of the user's other taken
/// actions that have a categorical value in common with a).
/// </summary>
internal static class ActionFeatures
{
    /// <summary>The newest distinct taken actions a user's features use (bounds the per-request cost).</summary>
    public const int MaxTaken = 200;

    public static void CoTaking(IReadOnlyList<int> taken, int[] rowStart, int[] columns, float[] values, Span<float> destination)
    {
        destination.Clear();
        foreach (int b in taken)
        {
            for (int k = rowStart[b]; k < rowStart[b + 1]; k++)
            {
                destination[columns[k]] += values[k];
            }
        }
    }

    public static float MetadataAffinity(int action, IReadOnlyList<int> taken, int[] tokenStart, int[] tokens)
    {
        int others = 0;
        int sharing = 0;
        foreach (int b in taken)
        {
            if (b == action)
            {
                continue;
            }

            others++;
            if (ShareToken(action, b, tokenStart, tokens))
            {
                sharing++;
            }
        }

        return others == 0 ? 0 : sharing / (float)others;
    }

    /// <summary>Token lists are sorted, so a merge walk finds a common one.</summary>
    private static bool ShareToken(int a, int b, int[] tokenStart, int[] tokens)
    {
        int i = tokenStart[a];
        int j = tokenStart[b];
        while (i < tokenStart[a + 1] && j < tokenStart[b + 1])
        {
            if (tokens[i] == tokens[j])
            {
                return true;
            }

            if (tokens[i] < tokens[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    /// <summary>The distinct taken actions of a time-ordered history, newest first, at most <see cref="MaxTaken"/>.</summary>
    public static List<int> TakenActions(IReadOnlyList<ActionEvent> history)
    {
        var taken = new List<int>();
        var seen = new HashSet<int>();
        for (int i = history.Count - 1; i >= 0 && taken.Count < MaxTaken; i--)
        {
            if (history[i].Taken && seen.Add(history[i].Action))
            {
                taken.Add(history[i].Action);
            }
        }

        return taken;
    }

    public static float Sigmoid(double x) => (float)(1 / (1 + Math.Exp(-x)));

    public static double Logit(double p) => Math.Log(p / (1 - p));
}
