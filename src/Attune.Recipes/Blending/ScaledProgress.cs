namespace Attune.Recipes.Blending;

/// <summary>Maps a step's 0 → 1 progress onto [from, to] of the whole.</summary>
internal sealed class ScaledProgress(IProgress<double>? target, double from, double to) : IProgress<double>
{
    public void Report(double value) => target?.Report(from + ((to - from) * Math.Clamp(value, 0, 1)));
}
