namespace Attune.Contracts.Training;

/// <summary>
/// Automatic training of one solution (key: its ARN). One activation in the cluster, so silos checking the same
/// schedule at once create one version, not several.
/// </summary>
[Alias("attune.IAutoTrainingGrain")]
public interface IAutoTrainingGrain : IGrainWithStringKey
{
    /// <summary>Creates an automatic version when the schedule says it is due; returns its ARN, or null.</summary>
    [Alias("Check")]
    Task<string?> CheckAsync();
}
