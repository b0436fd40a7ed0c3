using Attune.Storage.Datasets;
using Attune.Storage.Events;

namespace Attune.Storage.Tests.Contracts;

/// <summary>One dataset-store backend under test, with the one thing the contract tests must look at behind the interface.</summary>
public interface IStoreBackend : IDisposable
{
    IDatasetStores Stores { get; }

    /// <summary>Event logs on the same storage as <see cref="Stores"/> (dispose them in the test).</summary>
    IEventLogs OpenEventLogs();

    /// <summary>Bulk-import batch tables (committed, staging or superseded) the group's storage holds.</summary>
    int BatchTableCount(IDatasetStore store);
}
