using Orleans.Concurrency;

namespace Attune.Contracts.Training;

/// <summary>
/// Trains one solution version (keyed by its ARN) to ACTIVE, CREATE FAILED or CREATE STOPPED. Starting it
/// again after a crash trains again from the start; the artifact is written atomically, so a half-trained
/// model is never visible.
/// </summary>
[Alias("attune.ISolutionVersionGrain")]
public interface ISolutionVersionGrain : IGrainWithStringKey
{
    /// <summary>Starts training if the version still needs it, and returns at once.</summary>
    [Alias("Start"), OneWay]
    Task StartAsync();

    /// <summary>Cancels a running training; the version ends CREATE STOPPED.</summary>
    [Alias("Stop"), AlwaysInterleave]
    Task StopAsync();
}
