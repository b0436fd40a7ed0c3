using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Attune.Filters;

/// <summary>
/// Numeric conditions over a whole column, one 64-row word at a time. Ordering comparisons use 256-bit vector
/// compares (NaN compares false, as nulls must); membership and != go row by row through <see cref="ValueMatch"/>.
/// </summary>
internal static class NumericScan
{
    public static void Evaluate(ComparisonOperator op, ReadOnlySpan<double> values, ReadOnlySpan<double> targets, Span<ulong> dest)
    {
        switch (op)
        {
            case ComparisonOperator.Less:
                Ordering<Less>(values, targets[0], dest);
                break;
            case ComparisonOperator.LessOrEqual:
                Ordering<LessOrEqual>(values, targets[0], dest);
                break;
            case ComparisonOperator.Greater:
                Ordering<Greater>(values, targets[0], dest);
                break;
            case ComparisonOperator.GreaterOrEqual:
                Ordering<GreaterOrEqual>(values, targets[0], dest);
                break;
            default:
                RowByRow(op, values, targets, dest);
                break;
        }
    }

    private static void Ordering<TCompare>(ReadOnlySpan<double> values, double threshold, Span<ulong> dest)
        where TCompare : struct, ICompare
    {
        var thresholds = Vector256.Create(threshold);
        ref var first = ref MemoryMarshal.GetReference(values);
        for (var w = 0; w < dest.Length; w++)
        {
            var start = w << 6;
            var rows = Math.Min(64, values.Length - start);
            ulong word = 0;
            if (Vector256.IsHardwareAccelerated && rows == 64)
            {
                for (var k = 0; k < 64; k += Vector256<double>.Count)
                {
                    var block = Vector256.LoadUnsafe(ref first, (nuint)(start + k));
                    word |= (ulong)TCompare.Vector(block, thresholds).ExtractMostSignificantBits() << k;
                }
            }
            else
            {
                for (var k = 0; k < rows; k++)
                {
                    word |= (TCompare.Scalar(values[start + k], threshold) ? 1UL : 0UL) << k;
                }
            }

            dest[w] = word;
        }
    }

    private static void RowByRow(ComparisonOperator op, ReadOnlySpan<double> values, ReadOnlySpan<double> targets, Span<ulong> dest)
    {
        dest.Clear();
        for (var row = 0; row < values.Length; row++)
        {
            if (ValueMatch.Numeric(op, values[row], targets))
            {
                Bits.Set(dest, row);
            }
        }
    }

    private interface ICompare
    {
        static abstract bool Scalar(double value, double threshold);

        static abstract Vector256<double> Vector(Vector256<double> values, Vector256<double> thresholds);
    }

    private readonly struct Less : ICompare
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Scalar(double value, double threshold) => value < threshold;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Vector(Vector256<double> values, Vector256<double> thresholds) => Vector256.LessThan(values, thresholds);
    }

    private readonly struct LessOrEqual : ICompare
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Scalar(double value, double threshold) => value <= threshold;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Vector(Vector256<double> values, Vector256<double> thresholds) => Vector256.LessThanOrEqual(values, thresholds);
    }

    private readonly struct Greater : ICompare
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Scalar(double value, double threshold) => value > threshold;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Vector(Vector256<double> values, Vector256<double> thresholds) => Vector256.GreaterThan(values, thresholds);
    }

    private readonly struct GreaterOrEqual : ICompare
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Scalar(double value, double threshold) => value >= threshold;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Vector(Vector256<double> values, Vector256<double> thresholds) => Vector256.GreaterThanOrEqual(values, thresholds);
    }
}
