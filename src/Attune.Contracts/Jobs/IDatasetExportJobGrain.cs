using Orleans.Concurrency;

namespace Attune.Contracts.Jobs;

/// <summary>
/// Runs one dataset export job (keyed by its ARN) to ACTIVE or CREATE FAILED. Started again after a crash, it skips
/// the CSV parts already written (each part is written whole) and writes the rest.
/// </summary>
[Alias("attune.IDatasetExportJobGrain")]
public interface IDatasetExportJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job if it is not already running and returns at once.</summary>
    [Alias("Start"), OneWay]
    Task StartAsync();
}
