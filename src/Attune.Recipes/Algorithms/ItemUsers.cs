using Attune.Recipes.Data;

namespace Attune.Recipes.Algorithms;

/// <summary>The transpose of a training set's distinct user→items lists: for each item, its users and confidences.</summary>
internal sealed class ItemUsers
{
    private ItemUsers(int[] starts, int[] users, float[] confidence)
    {
        Starts = starts;
        Users = users;
        Confidence = confidence;
    }

    public int[] Starts { get; }

    public int[] Users { get; }

    public float[] Confidence { get; }

    public ReadOnlySpan<int> UsersOf(int item) => Users.AsSpan(Starts[item], Starts[item + 1] - Starts[item]);

    public ReadOnlySpan<float> ConfidenceOf(int item) => Confidence.AsSpan(Starts[item], Starts[item + 1] - Starts[item]);

    public static ItemUsers Build(TrainingSet set)
    {
        var starts = new int[set.ItemCount + 1];
        foreach (int item in set.DistinctItems)
        {
            starts[item + 1]++;
        }

        for (int i = 0; i < set.ItemCount; i++)
        {
            starts[i + 1] += starts[i];
        }

        var fill = starts[..^1].ToArray();
        var users = new int[set.DistinctItems.Length];
        var confidence = new float[set.DistinctItems.Length];
        for (int u = 0; u < set.UserCount; u++)
        {
            for (int at = set.DistinctStarts[u]; at < set.DistinctStarts[u + 1]; at++)
            {
                int slot = fill[set.DistinctItems[at]]++;
                users[slot] = u;
                confidence[slot] = set.DistinctConfidence[at];
            }
        }

        return new ItemUsers(starts, users, confidence);
    }
}
