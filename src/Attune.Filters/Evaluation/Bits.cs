using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Attune.Filters;

/// <summary>Word-at-a-time set operations over bit spans of a known length; tail bits past the length stay 0.</summary>
internal static class Bits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(Span<ulong> words, int index) => words[index >> 6] |= 1UL << index;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Get(ReadOnlySpan<ulong> words, int index) => (words[index >> 6] & (1UL << index)) != 0;

    public static void SetAll(Span<ulong> words, int length)
    {
        words.Fill(ulong.MaxValue);
        ClearTail(words, length);
    }

    public static void Complement(Span<ulong> words, int length)
    {
        var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(words);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = ~vectors[i];
        }

        for (var i = vectors.Length * Vector<ulong>.Count; i < words.Length; i++)
        {
            words[i] = ~words[i];
        }

        ClearTail(words, length);
    }

    public static void And(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(target);
        var others = MemoryMarshal.Cast<ulong, Vector<ulong>>(other);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] &= others[i];
        }

        for (var i = vectors.Length * Vector<ulong>.Count; i < target.Length; i++)
        {
            target[i] &= other[i];
        }
    }

    public static void Or(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(target);
        var others = MemoryMarshal.Cast<ulong, Vector<ulong>>(other);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] |= others[i];
        }

        for (var i = vectors.Length * Vector<ulong>.Count; i < target.Length; i++)
        {
            target[i] |= other[i];
        }
    }

    public static void AndNot(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(target);
        var others = MemoryMarshal.Cast<ulong, Vector<ulong>>(other);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Vector.AndNot(vectors[i], others[i]);
        }

        for (var i = vectors.Length * Vector<ulong>.Count; i < target.Length; i++)
        {
            target[i] &= ~other[i];
        }
    }

    private static void ClearTail(Span<ulong> words, int length)
    {
        if (words.Length > 0 && (length & 63) != 0)
        {
            words[^1] &= (1UL << length) - 1;
        }
    }
}
