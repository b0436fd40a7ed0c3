using Orleans.Concurrency;

namespace Attune.Contracts.Imports;

/// <summary>
/// Runs one dataset import job (keyed by its ARN) to ACTIVE or CREATE FAILED. Starting it again after a
/// crash restarts the import from the beginning; the importer guarantees nothing half-imported is visible.
/// </summary>
[Alias("attune.IDatasetImportJobGrain")]
public interface IDatasetImportJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job if it is not already running and returns at once.</summary>
    [Alias("Start"), OneWay]
    Task StartAsync();
}
