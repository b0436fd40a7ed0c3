using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;

namespace Attune.Recipes.Actions;

/// <summary>
/// The offline protocol applied to actions: the holdout split is made over TAKEN interactions (a held-out action is one the
/// test user took last); every interaction of a test user with a held-out action is removed from the training data; the
/// model trained on the rest ranks the training actions minus the user's taken ones, without expiration or repeat rules
/// (the protocol has no "now"). Same metric keys as the item recipes; none when no user falls in the test bucket.
/// </summary>
public static class NextBestActionEvaluation
{
    private const int ListLength = 25;

    public static IReadOnlyDictionary<string, double> Evaluate(InteractionData interactions, ActionCatalog catalog, int optimizationPeriodDays,
        CancellationToken cancellationToken = default)
    {
        var takenType = interactions.EventTypeNames.Select(n => ActionEventTypes.Canonical(n) == ActionEventTypes.Taken).ToArray();
        var isTaken = new bool[interactions.Count];
        for (int row = 0; row < interactions.Count; row++)
        {
            isTaken[row] = interactions.EventTypes[row] >= 0 && takenType[interactions.EventTypes[row]];
        }

        var split = HoldoutSplit.Create(interactions.Subset(isTaken), HoldoutSplit.TestBucket);
        if (split.Users.Count == 0)
        {
            return new Dictionary<string, double>();
        }

        var heldOut = split.Users.ToDictionary(u => u.User, u => u.HeldOutItems.ToHashSet());
        var keep = new bool[interactions.Count];
        for (int row = 0; row < interactions.Count; row++)
        {
            keep[row] = !(heldOut.TryGetValue(interactions.Users[row], out var items) && items.Contains(interactions.Items[row]));
        }

        var training = interactions.Subset(keep);
        var model = NextBestActionTrainer.Train(training, catalog, optimizationPeriodDays, cancellationToken);
        var histories = ActionHistories.Build(training, catalog);
        var catalogIndex = catalog.ActionIds.Select((id, a) => (id, a)).ToDictionary(p => p.id, p => p.a, StringComparer.Ordinal);
        var trainingActions = new HashSet<int>(histories.SelectMany(h => h).Select(e => e.Action));
        var lists = new List<int[]>();
        var relevant = new List<IReadOnlySet<int>>();
        var scores = new float[model.ActionCount];
        foreach (var user in split.Users)
        {
            var history = histories[user.User];
            var seen = ActionFeatures.TakenActions(history).ToHashSet();
            model.Score(history, scores);
            lists.Add(Models.TopK.Select(scores, ListLength, a => trainingActions.Contains(a) && !seen.Contains(a)));
            relevant.Add(user.HeldOutItems.Select(i => catalogIndex.GetValueOrDefault(interactions.ItemIds[i], -1)).ToHashSet());
        }

        return OfflineEvaluator.Summarize(lists, relevant, trainingActions.Count);
    }
}
