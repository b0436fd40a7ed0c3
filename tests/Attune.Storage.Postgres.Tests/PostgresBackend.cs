using Attune.Storage.Datasets;
using Attune.Storage.Events;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Postgres.Events;
using Attune.Storage.Tests.Contracts;

namespace Attune.Storage.Postgres.Tests;

/// <summary>Dataset stores in the class's database; each test works on its own dataset group.</summary>
public sealed class PostgresBackend(PostgresDatabase database) : IStoreBackend
{
    public IDatasetStores Stores { get; } = new PostgresDatasetStores(database.DataSource);

    public IEventLogs OpenEventLogs() => PostgresEventLogs.Open(database.DataSource);

    public int BatchTableCount(IDatasetStore store) => (int)database.Scalar(
        $"SELECT count(*) FROM pg_tables WHERE schemaname = '{((PostgresDatasetStore)store).Schema}' AND tablename ~ '_b[0-9]+$'");

    public void Dispose()
    {
    }
}
