using Orleans.Concurrency;

namespace Attune.Contracts.Jobs;

/// <summary>
/// Runs one data deletion job (keyed by its ARN) to COMPLETED or FAILED. Started again after a crash, it redoes its
/// batches: the store skips those already committed, so nothing is deleted or counted twice.
/// </summary>
[Alias("attune.IDataDeletionJobGrain")]
public interface IDataDeletionJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job if it is not already running and returns at once.</summary>
    [Alias("Start"), OneWay]
    Task StartAsync();
}
