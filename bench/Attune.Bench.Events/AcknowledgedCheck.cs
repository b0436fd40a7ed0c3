using Attune.Storage.Sqlite;

namespace Attune.Bench.Events;

/// <summary>How many acknowledged events a store lacks, among training interactions and in their users' put histories.</summary>
internal sealed record AcknowledgedCount(int Acknowledged, int Stored, int MissingFromStore, int MissingFromHistory, int Users);

/// <summary>Looks acknowledged events (each with an item of its own) up in a dataset group's store, as a restarted server would read it.</summary>
internal static class AcknowledgedCheck
{
    public static AcknowledgedCount Count(string dataDirectory, string groupArn, IReadOnlyList<AcknowledgedEvent> acknowledged)
    {
        using var store = SqliteDatasetStore.Open(dataDirectory, groupArn);
        var data = store.ReadInteractions();
        var stored = data.ItemIds.ToHashSet(StringComparer.Ordinal);
        var missingFromHistory = 0;
        var byUser = acknowledged.GroupBy(a => a.UserId).ToList();
        foreach (var user in byUser)
        {
            var history = store.ReadEventLog(user.Key, 0).Select(e => e.ItemId).ToHashSet(StringComparer.Ordinal);
            missingFromHistory += user.Count(a => !history.Contains(a.ItemId));
        }

        return new AcknowledgedCount(acknowledged.Count, data.Count, acknowledged.Count(a => !stored.Contains(a.ItemId)), missingFromHistory, byUser.Count);
    }
}
