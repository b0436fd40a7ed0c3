using System.Numerics.Tensors;

namespace Attune.Grains.Serving;

/// <summary>Personalize's scores are a softmax over the whole catalogue; shards compute its normalizer in parts.</summary>
public static class Softmax
{
    /// <summary>log Σ exp(score) over a whole score array.</summary>
    public static float LogNormalizer(ReadOnlySpan<float> scores)
    {
        if (scores.IsEmpty)
        {
            return 0;
        }
        float max = TensorPrimitives.Max(scores);
        return max + (float)Math.Log(SumExp(scores, max));
    }

    /// <summary>Σ exp(score − max), vectorized in chunks so no catalogue-sized buffer is needed.</summary>
    public static double SumExp(ReadOnlySpan<float> scores, float max)
    {
        Span<float> chunk = stackalloc float[2048];
        double sum = 0;
        for (int start = 0; start < scores.Length; start += chunk.Length)
        {
            var part = scores.Slice(start, Math.Min(chunk.Length, scores.Length - start));
            var exps = chunk[..part.Length];
            TensorPrimitives.Subtract(part, max, exps);
            TensorPrimitives.Exp(exps, exps);
            sum += TensorPrimitives.Sum(exps);
        }
        return sum;
    }

    /// <summary>log Σ exp over several parts, each given as its max and its Σ exp(score − max).</summary>
    public static float Combine(ReadOnlySpan<float> maxima, ReadOnlySpan<double> sums)
    {
        // Parts without a sum (empty shards) take no part, so the result stays finite.
        float max = float.NegativeInfinity;
        for (int i = 0; i < maxima.Length; i++)
        {
            if (sums[i] > 0)
            {
                max = Math.Max(max, maxima[i]);
            }
        }
        if (float.IsNegativeInfinity(max))
        {
            return 0;
        }
        double total = 0;
        for (int i = 0; i < maxima.Length; i++)
        {
            if (sums[i] > 0)
            {
                total += sums[i] * Math.Exp(maxima[i] - max);
            }
        }
        return max + (float)Math.Log(total);
    }
}
