using Attune.Storage.Events;

namespace Attune.Storage.Sqlite;

/// <summary>Embedded mode's event logs: each group's event log in its SQLite database under <c>&lt;dataDirectory&gt;/datasets</c>.</summary>
public static class SqliteEventLogs
{
    public static IEventLogs Open(string dataDirectory) => new GroupEventLogs(arn =>
    {
        var store = SqliteDatasetStore.Open(dataDirectory, arn);
        return new EventLogWriter(store.OpenEventLog, store);
    });
}
