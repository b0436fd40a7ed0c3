using System.Numerics.Tensors;

namespace Attune.Grains.Serving;

/// <summary>Personalize's scores are a softmax over the whole catalogue; this is its normalizer.</summary>
public static class Softmax
{
    /// <summary>
    /// log Σ exp(score): exp runs over cache-sized chunks on the stack, so the catalogue is read twice (max, sum)
    /// and never written.
    /// </summary>
    public static float LogNormalizer(ReadOnlySpan<float> scores)
    {
        if (scores.IsEmpty)
        {
            return 0;
        }
        float max = TensorPrimitives.Max(scores);
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
        return max + (float)Math.Log(sum);
    }
}
