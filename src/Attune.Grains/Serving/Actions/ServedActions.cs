using Attune.Filters;
using Attune.Grains.Training;
using Attune.Recipes.Actions;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Grains.Serving.Actions;

/// <summary>
/// A loaded next-best-action model, the latest <see cref="ActionSnapshot"/> of its group's action data, and the action
/// interactions this process committed since that snapshot (<see cref="Append"/>), which requests see at once.
/// Every <see cref="CountCheckInterval"/> the store's row counts are compared with the snapshot's plus those appended:
/// a difference (another silo's puts, an import, a deletion) or <see cref="Invalidate"/> (PutActions) makes the next
/// request re-read the data whole, O(action interactions + actions), while concurrent requests keep the old snapshot;
/// so does <see cref="MaxAge"/>, for PutActions on another silo that replace an action (the count stays the same).
/// </summary>
internal sealed class ServedActions(NextBestActionModel model, string datasetGroupArn, AvroSchema actionsSchema)
{
    private static readonly TimeSpan CountCheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Lock _reread = new();
    private readonly Lock _live = new();
    private readonly Dictionary<string, List<(ActionEvent Event, RecentInteraction Recent)>> _appended = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _actionIndex =
        model.Catalog.ActionIds.Select((id, a) => (id, a)).ToDictionary(p => p.id, p => p.a, StringComparer.Ordinal);
    private ActionSnapshot? _snapshot;
    private long _countsCheckedAtTicks;
    private long _appendedRows;
    private bool _stale;

    public NextBestActionModel Model { get; } = model;

    public string DatasetGroupArn { get; } = datasetGroupArn;

    /// <summary>Action interactions committed by this process (stored rows, in commit order), seen by the next request.</summary>
    public void Append(IReadOnlyList<StoredActionInteraction> interactions)
    {
        lock (_live)
        {
            _appendedRows += interactions.Count;
            foreach (var row in interactions)
            {
                // Rows of actions the model does not know still count as rows, so the count check stays exact.
                if (_actionIndex.TryGetValue(row.ActionId, out int action))
                {
                    var taken = ActionEventTypes.Canonical(row.EventType) == ActionEventTypes.Taken;
                    (_appended.TryGetValue(row.UserId, out var list) ? list : _appended[row.UserId] = [])
                        .Add((new ActionEvent(action, row.Timestamp, taken), new RecentInteraction(action, row.EventType)));
                }
            }
        }
    }

    /// <summary>The group's Actions changed (PutActions): the next request re-reads them.</summary>
    public void Invalidate()
    {
        lock (_live)
        {
            _stale = true;
        }
    }

    /// <summary>
    /// The user's action history (oldest first) and filter view (newest first) with the data they were read with.
    /// <paramref name="openStore"/> is called only when the store must be looked at.
    /// </summary>
    public (IReadOnlyList<ActionEvent> History, RecentInteraction[] Recent, ActionSnapshot Snapshot) For(
        string userId, Func<IDatasetStore> openStore, DateTimeOffset now)
    {
        var snapshot = Fresh(openStore, now);
        var history = snapshot.Histories.GetValueOrDefault(userId) ?? [];
        var recent = snapshot.Recent.GetValueOrDefault(userId) ?? [];
        lock (_live)
        {
            if (ReferenceEquals(snapshot, _snapshot) && _appended.TryGetValue(userId, out var appended))
            {
                history = [.. history, .. appended.Select(a => a.Event)];
                recent = [.. appended.Select(a => a.Recent).Reverse(), .. recent];
            }
        }

        return (history, recent, snapshot);
    }

    private ActionSnapshot Fresh(Func<IDatasetStore> openStore, DateTimeOffset now)
    {
        ActionSnapshot? current;
        bool stale;
        long appended;
        lock (_live)
        {
            current = _snapshot;
            stale = _stale;
            appended = _appendedRows;
        }

        if (current is not null && !stale && now - current.ReadAt < MaxAge
            && now.UtcTicks - Volatile.Read(ref _countsCheckedAtTicks) < CountCheckInterval.Ticks)
        {
            return current;
        }

        // One request re-reads; the others keep serving the snapshot they have (the first one waits).
        if (current is not null && !_reread.TryEnter())
        {
            return current;
        }

        if (current is null)
        {
            _reread.Enter();
        }

        try
        {
            using var store = openStore();
            long actions = store.CountRows(DatasetType.Actions);
            long interactions = store.CountRows(DatasetType.ActionInteractions);
            if (current is not null && !stale && now - current.ReadAt < MaxAge
                && actions == current.ActionRows && interactions == current.InteractionRows + appended)
            {
                Volatile.Write(ref _countsCheckedAtTicks, now.UtcTicks);
                return current;
            }

            // A put committed between this read and its Append would be counted twice until the next count check finds
            // the mismatch and reads again: harmless for a moment (it is the same event).
            var snapshot = Read(store, actions, interactions, now);
            lock (_live)
            {
                _snapshot = snapshot;
                _appended.Clear();
                _appendedRows = 0;
                _stale = false;
            }

            Volatile.Write(ref _countsCheckedAtTicks, now.UtcTicks);
            return snapshot;
        }
        finally
        {
            _reread.Exit();
        }
    }

    private ActionSnapshot Read(IDatasetStore store, long actionRows, long interactionRows, DateTimeOffset now)
    {
        var data = ActionDataLoader.ReadInteractions(store);
        var rules = ActionDataLoader.ReadCatalog(store, actionsSchema, Model.Catalog.ActionIds);
        var histories = ActionHistories.Build(data, rules);
        var byUser = new Dictionary<string, IReadOnlyList<ActionEvent>>(StringComparer.Ordinal);
        for (int user = 0; user < data.UserCount; user++)
        {
            byUser[data.UserIds[user]] = histories[user];
        }

        var rows = new Dictionary<int, List<(long Timestamp, int Row, RecentInteraction Interaction)>>();
        for (int row = 0; row < data.Count; row++)
        {
            // Filters see every event type as stored, not only TAKEN/NOT_TAKEN/VIEWED.
            if (_actionIndex.TryGetValue(data.ItemIds[data.Items[row]], out int action) && data.EventTypes[row] >= 0)
            {
                var list = rows.TryGetValue(data.Users[row], out var existing) ? existing : rows[data.Users[row]] = [];
                list.Add((data.Timestamps[row], row, new RecentInteraction(action, data.EventTypeNames[data.EventTypes[row]])));
            }
        }

        var recent = new Dictionary<string, RecentInteraction[]>(StringComparer.Ordinal);
        foreach (var (user, list) in rows)
        {
            recent[data.UserIds[user]] = [.. list.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Row).Select(e => e.Interaction)];
        }

        var attributes = EntityAttributes.Build(store.ReadEntities(DatasetType.Actions), Model.Catalog.ActionIds);
        return new ActionSnapshot(actionRows, interactionRows, now, byUser, recent, attributes, rules);
    }
}
