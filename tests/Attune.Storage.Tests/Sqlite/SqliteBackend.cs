using Attune.Storage.Datasets;
using Attune.Storage.Events;
using Attune.Storage.Sqlite;
using Attune.Storage.Tests.Contracts;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Tests.Sqlite;

/// <summary>Dataset stores as SQLite files in a temp directory of their own.</summary>
public sealed class SqliteBackend : IStoreBackend
{
    private readonly TempDirectory _directory = new();

    public SqliteBackend() => Stores = new SqliteDatasetStores(DataDirectory);

    public IDatasetStores Stores { get; }

    public string DataDirectory => _directory.Path;

    public IEventLogs OpenEventLogs() => SqliteEventLogs.Open(DataDirectory);

    public int BatchTableCount(IDatasetStore store)
    {
        using var connection = new SqliteConnection($"Data Source={((SqliteDatasetStore)store).DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name GLOB '*_b[0-9]*'";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _directory.Dispose();
}
