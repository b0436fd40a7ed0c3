using Attune.Filters;
using Attune.Grains.Training;
using Attune.Recipes.Actions;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Grains.Serving.Actions;

/// <summary>
/// A loaded next-best-action model and the freshest <see cref="ActionSnapshot"/> of its group. The snapshot is read again
/// when the Action_Interactions or Actions row count changed (a PutActionInteractions or a new action is seen by the next
/// request) or after <see cref="MaxAge"/> (PutActions replacing an existing action keeps the count).
/// Each refresh reads the group's action data whole: O(action interactions + actions).
/// </summary>
internal sealed class ServedActions(NextBestActionModel model, string datasetGroupArn, AvroSchema actionsSchema)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _refresh = new();
    private ActionSnapshot? _snapshot;

    public NextBestActionModel Model { get; } = model;

    public string DatasetGroupArn { get; } = datasetGroupArn;

    public ActionSnapshot Current(IDatasetStore store, DateTimeOffset now)
    {
        long actions = store.CountRows(DatasetType.Actions);
        long interactions = store.CountRows(DatasetType.ActionInteractions);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.ActionRows == actions && snapshot.InteractionRows == interactions && now - snapshot.ReadAt < MaxAge)
        {
            return snapshot;
        }

        lock (_refresh)
        {
            snapshot = Read(store, actions, interactions, now);
            _snapshot = snapshot;
            return snapshot;
        }
    }

    private ActionSnapshot Read(IDatasetStore store, long actionRows, long interactionRows, DateTimeOffset now)
    {
        var data = ActionDataLoader.ReadInteractions(store);
        var rules = ActionDataLoader.ReadCatalog(store, actionsSchema, Model.Catalog.ActionIds);
        var histories = ActionHistories.Build(data, rules);
        var byUser = new Dictionary<string, IReadOnlyList<ActionEvent>>(StringComparer.Ordinal);
        var recent = new Dictionary<string, RecentInteraction[]>(StringComparer.Ordinal);
        for (int user = 0; user < data.UserCount; user++)
        {
            byUser[data.UserIds[user]] = histories[user];
        }

        var index = Model.Catalog.ActionIds.Select((id, a) => (id, a)).ToDictionary(p => p.id, p => p.a, StringComparer.Ordinal);
        var rows = new Dictionary<int, List<(long Timestamp, int Row, RecentInteraction Interaction)>>();
        for (int row = 0; row < data.Count; row++)
        {
            // Filters see every event type as stored, not only TAKEN/NOT_TAKEN/VIEWED.
            if (index.TryGetValue(data.ItemIds[data.Items[row]], out int action) && data.EventTypes[row] >= 0)
            {
                var list = rows.TryGetValue(data.Users[row], out var existing) ? existing : rows[data.Users[row]] = [];
                list.Add((data.Timestamps[row], row, new RecentInteraction(action, data.EventTypeNames[data.EventTypes[row]])));
            }
        }

        foreach (var (user, list) in rows)
        {
            recent[data.UserIds[user]] = [.. list.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Row).Select(e => e.Interaction)];
        }

        var attributes = EntityAttributes.Build(store.ReadEntities(DatasetType.Actions), Model.Catalog.ActionIds);
        return new ActionSnapshot(actionRows, interactionRows, now, byUser, recent, attributes, rules);
    }
}
