namespace Attune.Storage.Artifacts;

/// <summary>
/// Trained models and their offline metrics, one pair per solution version ARN. A write replaces the previous
/// artifact atomically: readers see the old one or the new one, never part of one.
/// </summary>
public interface IModelArtifacts
{
    void WriteModel(string solutionVersionArn, Action<Stream> write);

    /// <summary>Opens the model for reading; throws <see cref="FileNotFoundException"/> when none was written.</summary>
    Stream OpenModel(string solutionVersionArn);

    void WriteMetrics(string solutionVersionArn, IReadOnlyDictionary<string, double> metrics);

    /// <summary>The metrics written for the version, or an empty dictionary.</summary>
    IReadOnlyDictionary<string, double> ReadMetrics(string solutionVersionArn);

    /// <summary>Removes the model and metrics; a no-op for a version without artifacts.</summary>
    void Delete(string solutionVersionArn);
}
