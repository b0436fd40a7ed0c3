namespace Attune.Recipes.Models;

/// <summary>
/// Request-time scoring knobs of <see cref="NeighborhoodModel"/>: how much the newest items weigh and how
/// strongly the transition (next-item) term counts.
/// </summary>
public sealed record NeighborhoodSettings
{
    /// <summary>History position half-life (newest = 0); 0 turns recency weighting off.</summary>
    public float RecencyHalfLife { get; init; }

    /// <summary>Weight of the next-item transition term against the item-item term.</summary>
    public float TransitionWeight { get; init; }

    /// <summary>How many of the newest distinct items feed the transition term.</summary>
    public int TransitionWindow { get; init; } = 3;

    /// <summary>Multiplier per step back in the transition window (1, d, d², ...).</summary>
    public float TransitionDecay { get; init; } = 0.5f;

    internal void Write(BinaryWriter writer)
    {
        writer.Write(RecencyHalfLife);
        writer.Write(TransitionWeight);
        writer.Write(TransitionWindow);
        writer.Write(TransitionDecay);
    }

    internal static NeighborhoodSettings Read(BinaryReader reader) => new()
    {
        RecencyHalfLife = reader.ReadSingle(),
        TransitionWeight = reader.ReadSingle(),
        TransitionWindow = reader.ReadInt32(),
        TransitionDecay = reader.ReadSingle(),
    };
}
