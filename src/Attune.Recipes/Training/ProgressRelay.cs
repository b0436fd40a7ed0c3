namespace Attune.Recipes.Training;

/// <summary>
/// Maps a stage's fraction done onto the overall percent, synchronously (Progress&lt;T&gt; would post to the
/// thread pool and deliver reports out of order).
/// </summary>
internal sealed class ProgressRelay(IProgress<TrainingProgress>? target, double from, double to, string stage) : IProgress<double>
{
    public void Report(double value) => target?.Report(new TrainingProgress(from + ((to - from) * Math.Clamp(value, 0, 1)), stage));
}
