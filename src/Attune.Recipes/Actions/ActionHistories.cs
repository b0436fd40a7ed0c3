using Attune.Recipes.Data;

namespace Attune.Recipes.Actions;

/// <summary>
/// Action interactions regrouped per user, oldest first (timestamp, then file order), with each action id mapped onto the
/// catalog's index. Rows of actions missing from the Actions dataset, or of other event types, are left out.
/// </summary>
public static class ActionHistories
{
    public static IReadOnlyList<ActionEvent>[] Build(InteractionData interactions, ActionCatalog catalog, ReadOnlySpan<bool> keep = default)
    {
        var index = new Dictionary<string, int>(catalog.Count, StringComparer.Ordinal);
        for (int a = 0; a < catalog.Count; a++)
        {
            index[catalog.ActionIds[a]] = a;
        }

        var actionOf = interactions.ItemIds.Select(id => index.TryGetValue(id, out int a) ? a : -1).ToArray();
        var takenOf = interactions.EventTypeNames.Select(name => ActionEventTypes.Canonical(name)).ToArray();
        var histories = new List<ActionEvent>[interactions.UserCount];
        for (int row = 0; row < interactions.Count; row++)
        {
            int type = interactions.EventTypes[row];
            int action = actionOf[interactions.Items[row]];
            if ((!keep.IsEmpty && !keep[row]) || action < 0 || type < 0 || takenOf[type] is not { } canonical)
            {
                continue;
            }

            (histories[interactions.Users[row]] ??= []).Add(
                new ActionEvent(action, interactions.Timestamps[row], canonical == ActionEventTypes.Taken));
        }

        var empty = Array.Empty<ActionEvent>();
        return [.. histories.Select(h => h is null ? empty : (IReadOnlyList<ActionEvent>)[.. h.OrderBy(e => e.Timestamp)])];
    }
}
