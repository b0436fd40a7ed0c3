namespace Attune.Grains.Serving.Shards;

/// <summary>Shard <see cref="Index"/> of <see cref="Count"/> over a catalogue: a contiguous run of item indices.</summary>
public readonly record struct ShardRange(int Index, int Count, int ItemCount)
{
    public int Start => (int)((long)ItemCount * Index / Count);

    public int End => (int)((long)ItemCount * (Index + 1) / Count);

    public int Length => End - Start;

    /// <summary>The shard of <paramref name="count"/> whose range holds <paramref name="item"/> (0 ≤ item &lt; itemCount).</summary>
    public static int IndexOf(int item, int count, int itemCount)
    {
        // Item·S/n is the shard or next to it (the bounds round down): estimate, then step to the exact one.
        int index = (int)Math.Min(count - 1, (long)item * count / itemCount);
        while (new ShardRange(index, count, itemCount).Start > item)
        {
            index--;
        }
        while (new ShardRange(index, count, itemCount).End <= item)
        {
            index++;
        }
        return index;
    }

    /// <summary>The shards a catalogue is split into: as configured, but never shards of fewer than <paramref name="minItems"/> items.</summary>
    public static int CountFor(int configured, int itemCount, int minItems) => Math.Clamp(configured, 1, Math.Max(1, itemCount / Math.Max(1, minItems)));
}
