using System.Numerics.Tensors;
using Attune.Recipes.Data;

namespace Attune.Recipes.Algorithms;

/// <summary>Settings of <see cref="ImplicitAls"/>.</summary>
internal sealed record AlsSettings(int Factors, int Iterations, float Regularization, float Alpha, int ConjugateGradientSteps, int Seed);

/// <summary>
/// Implicit ALS (Hu, Koren, Volinsky 2008) with conjugate-gradient solves (Takács et al. 2011): confidence
/// 1 + α·c for observed pairs, preference 1, λ-regularised; each alternating step runs a few CG iterations
/// warm-started from the previous factors. Returns the item factors (n_items × f, row-major).
/// </summary>
internal static class ImplicitAls
{
    public static float[] Train(TrainingSet set, ItemUsers itemUsers, AlsSettings settings, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        int f = settings.Factors;
        var random = new Random(settings.Seed);
        var users = new float[set.UserCount * f];
        var items = new float[set.ItemCount * f];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = (float)((random.NextDouble() - 0.5) * 0.02);
        }

        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step(users, items, f, new Csr(set.DistinctStarts, set.DistinctItems, set.DistinctConfidence), settings, cancellationToken);
            Step(items, users, f, new Csr(itemUsers.Starts, itemUsers.Users, itemUsers.Confidence), settings, cancellationToken);
            progress?.Report((iteration + 1) / (double)settings.Iterations);
        }

        return items;
    }

    private readonly record struct Csr(int[] Starts, int[] Others, float[] Confidence);

    private static void Step(float[] solve, float[] fixedFactors, int f, Csr observed, AlsSettings settings,
        CancellationToken cancellationToken)
    {
        float[] gram = DenseMath.Gram(fixedFactors, f);
        Parallel.For(0, observed.Starts.Length - 1, new ParallelOptions { CancellationToken = cancellationToken },
            () => new float[4 * f],
            (entity, _, scratch) =>
            {
                int start = observed.Starts[entity];
                int length = observed.Starts[entity + 1] - start;
                var others = observed.Others.AsSpan(start, length);
                var confidence = observed.Confidence.AsSpan(start, length);
                var x = solve.AsSpan(entity * f, f);
                if (others.IsEmpty)
                {
                    x.Clear();
                    return scratch;
                }

                var r = scratch.AsSpan(0, f);
                var p = scratch.AsSpan(f, f);
                var ap = scratch.AsSpan(2 * f, f);
                var b = scratch.AsSpan(3 * f, f);
                b.Clear();
                for (int k = 0; k < others.Length; k++)
                {
                    TensorPrimitives.MultiplyAdd(fixedFactors.AsSpan(others[k] * f, f), 1 + (settings.Alpha * confidence[k]), b, b);
                }

                Multiply(gram, fixedFactors, others, confidence, settings, x, r);
                TensorPrimitives.Subtract(b, r, r);
                r.CopyTo(p);
                float rsOld = TensorPrimitives.Dot(r, r);
                for (int step = 0; step < settings.ConjugateGradientSteps && rsOld > 1e-10f; step++)
                {
                    Multiply(gram, fixedFactors, others, confidence, settings, p, ap);
                    float alpha = rsOld / TensorPrimitives.Dot(p, ap);
                    TensorPrimitives.MultiplyAdd(p, alpha, x, x);
                    TensorPrimitives.MultiplyAdd(ap, -alpha, r, r);
                    float rsNew = TensorPrimitives.Dot(r, r);
                    TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
                    rsOld = rsNew;
                }

                return scratch;
            },
            _ => { });
    }

    /// <summary>result = (YᵀY + Σ α c_k y_k y_kᵀ + λI) v without forming the matrix.</summary>
    private static void Multiply(float[] gram, float[] factors, ReadOnlySpan<int> others, ReadOnlySpan<float> confidence,
        AlsSettings settings, ReadOnlySpan<float> v, Span<float> result)
    {
        int f = v.Length;
        for (int a = 0; a < f; a++)
        {
            result[a] = TensorPrimitives.Dot(gram.AsSpan(a * f, f), v) + (settings.Regularization * v[a]);
        }

        for (int k = 0; k < others.Length; k++)
        {
            var y = factors.AsSpan(others[k] * f, f);
            float scale = settings.Alpha * confidence[k] * TensorPrimitives.Dot(y, v);
            TensorPrimitives.MultiplyAdd(y, scale, result, result);
        }
    }
}
