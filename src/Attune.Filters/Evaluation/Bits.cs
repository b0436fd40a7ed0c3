using System.Runtime.CompilerServices;

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
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = ~words[i];
        }

        ClearTail(words, length);
    }

    public static void And(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= other[i];
        }
    }

    public static void Or(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] |= other[i];
        }
    }

    public static void AndNot(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        for (var i = 0; i < target.Length; i++)
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
