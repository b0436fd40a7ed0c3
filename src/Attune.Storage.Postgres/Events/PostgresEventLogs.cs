using Attune.Storage.Events;
using Attune.Storage.Postgres.Datasets;
using Npgsql;

namespace Attune.Storage.Postgres.Events;

/// <summary>Cluster mode's event logs: each group's event log in its PostgreSQL schema, appended to by any silo.</summary>
public static class PostgresEventLogs
{
    public static IEventLogs Open(NpgsqlDataSource dataSource)
    {
        var stores = new PostgresDatasetStores(dataSource);
        return new GroupEventLogs(arn =>
        {
            var store = (PostgresDatasetStore)stores.Open(arn);
            return new EventLogWriter(() => new PostgresEventLog(dataSource, store), store);
        });
    }
}
