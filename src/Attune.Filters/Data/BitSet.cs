using System.Numerics;
using System.Runtime.CompilerServices;

namespace Attune.Filters;

/// <summary>A fixed-length set of entity indexes (items, users or actions), one bit each. Reusable across requests.</summary>
public sealed class BitSet
{
    private readonly ulong[] _words;

    public BitSet(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        _words = new ulong[WordCount(length)];
    }

    /// <summary>Rebuilds a set from <see cref="Words"/> (e.g. after serialization between grains).</summary>
    public static BitSet FromWords(int length, ReadOnlySpan<ulong> words)
    {
        var set = new BitSet(length);
        if (words.Length != set._words.Length)
        {
            throw new ArgumentException($"A set of {length} bits has {set._words.Length} words, not {words.Length}", nameof(words));
        }

        words.CopyTo(set._words);
        if ((length & 63) != 0 && (set._words[^1] >> length) != 0)
        {
            throw new ArgumentException($"Bits at or past index {length} are set", nameof(words));
        }

        return set;
    }

    /// <summary>Indexes 0..Length-1 can be members.</summary>
    public int Length { get; }

    /// <summary>The bits, 64 indexes per word, bit i%64 of word i/64; bits at or past Length are always 0.</summary>
    public ReadOnlySpan<ulong> Words => _words;

    internal Span<ulong> WritableWords => _words;

    /// <summary>Membership test; indexes outside 0..Length-1 are not members. O(1), no allocation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int index) =>
        (uint)index < (uint)Length && (_words[index >> 6] & (1UL << index)) != 0;

    public void Add(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Length, nameof(index));
        _words[index >> 6] |= 1UL << index;
    }

    public void Remove(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Length, nameof(index));
        _words[index >> 6] &= ~(1UL << index);
    }

    /// <summary>Number of members (population count).</summary>
    public int Count()
    {
        var count = 0;
        foreach (var word in _words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    internal static int WordCount(int length) => (length + 63) >> 6;
}
