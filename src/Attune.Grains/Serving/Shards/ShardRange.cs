namespace Attune.Grains.Serving.Shards;

/// <summary>Shard <see cref="Index"/> of <see cref="Count"/> over a catalogue: a contiguous run of item indices.</summary>
public readonly record struct ShardRange(int Index, int Count, int ItemCount)
{
    public int Start => (int)((long)ItemCount * Index / Count);

    public int End => (int)((long)ItemCount * (Index + 1) / Count);

    public int Length => End - Start;

    /// <summary>The shards a catalogue is split into: as configured, but never shards of fewer than <paramref name="minItems"/> items.</summary>
    public static int CountFor(int configured, int itemCount, int minItems) => Math.Clamp(configured, 1, Math.Max(1, itemCount / Math.Max(1, minItems)));
}
