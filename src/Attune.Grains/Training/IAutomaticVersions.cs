using Attune.Storage.Resources;

namespace Attune.Grains.Training;

/// <summary>
/// Starts an AUTOMATIC solution version the way CreateSolutionVersion starts a MANUAL one; the control plane owns how
/// a version is created, so the grain that decides when asks it through this.
/// </summary>
public interface IAutomaticVersions
{
    /// <summary>Stores the version in CREATE PENDING and starts its training at <paramref name="now"/> (epoch seconds); returns its ARN.</summary>
    Task<string> StartAsync(ResourceRecord solution, double now);
}
