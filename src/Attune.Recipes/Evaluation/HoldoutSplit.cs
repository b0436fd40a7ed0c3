using Attune.Recipes.Data;

namespace Attune.Recipes.Evaluation;

/// <summary>One evaluated user: the rows of its input history (time order) and its held-out items.</summary>
public sealed record HeldOutUser(int User, int[] HistoryRows, int[] HeldOutItems);

/// <summary>
/// The protocol's time-based split (DESIGN.md "Offline evaluation"): users whose FNV-1a bucket matches,
/// with at least 2 interactions, lose their last k = max(1, n/10) distinct items (every occurrence).
/// </summary>
public sealed class HoldoutSplit
{
    public const int TestBucket = 0;
    public const int ValidationBucket = 1;

    private HoldoutSplit(InteractionData data, bool[] trainingRows, IReadOnlyList<HeldOutUser> users)
    {
        Data = data;
        TrainingRows = trainingRows;
        Users = users;
    }

    /// <summary>The data the split was made from.</summary>
    public InteractionData Data { get; }

    /// <summary>True for rows that stay in the training data.</summary>
    public bool[] TrainingRows { get; }

    public IReadOnlyList<HeldOutUser> Users { get; }

    public int HeldOutItemCount => Users.Sum(u => u.HeldOutItems.Length);

    public InteractionData Training() => Data.Subset(TrainingRows);

    public ModelHistory HistoryOf(HeldOutUser user)
    {
        int[] rows = user.HistoryRows;
        var items = new int[rows.Length];
        var timestamps = new long[rows.Length];
        var types = new int[rows.Length];
        var values = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            items[i] = Data.Items[rows[i]];
            timestamps[i] = Data.Timestamps[rows[i]];
            types[i] = Data.EventTypes[rows[i]];
            values[i] = Data.EventValues[rows[i]];
        }

        return new ModelHistory(items, timestamps, types, values);
    }

    public static HoldoutSplit Create(InteractionData data, int bucket)
    {
        var userBuckets = new int[data.UserCount];
        for (int u = 0; u < userBuckets.Length; u++)
        {
            userBuckets[u] = Fnv1a.Bucket(data.UserIds[u]);
        }

        var rowsByUser = new Dictionary<int, List<int>>();
        for (int row = 0; row < data.Count; row++)
        {
            int user = data.Users[row];
            if (userBuckets[user] != bucket)
            {
                continue;
            }

            if (!rowsByUser.TryGetValue(user, out var rows))
            {
                rows = [];
                rowsByUser.Add(user, rows);
            }

            rows.Add(row);
        }

        var training = new bool[data.Count];
        Array.Fill(training, true);
        var users = new List<HeldOutUser>();
        foreach (var (user, rows) in rowsByUser.OrderBy(p => p.Key))
        {
            if (rows.Count < 2)
            {
                continue;
            }

            // Stable sort by timestamp keeps file order for equal timestamps.
            int[] ordered = [.. rows.OrderBy(r => data.Timestamps[r])];
            int k = Math.Max(1, ordered.Length / 10);
            var held = new List<int>(k);
            for (int i = ordered.Length - 1; i >= 0 && held.Count < k; i--)
            {
                int item = data.Items[ordered[i]];
                if (!held.Contains(item))
                {
                    held.Add(item);
                }
            }

            var heldSet = held.ToHashSet();
            var history = new List<int>(ordered.Length);
            foreach (int row in ordered)
            {
                if (heldSet.Contains(data.Items[row]))
                {
                    training[row] = false;
                }
                else
                {
                    history.Add(row);
                }
            }

            users.Add(new HeldOutUser(user, [.. history], [.. held]));
        }

        return new HoldoutSplit(data, training, users);
    }
}
