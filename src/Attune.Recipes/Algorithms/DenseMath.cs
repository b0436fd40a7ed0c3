using System.Numerics.Tensors;

namespace Attune.Recipes.Algorithms;

/// <summary>Small dense linear algebra on row-major float arrays (f×f systems of the factor models).</summary>
internal static class DenseMath
{
    /// <summary>VᵀV of an n×f row-major matrix (see <see cref="GramAccumulator"/>).</summary>
    public static float[] Gram(float[] rows, int f)
    {
        var gram = new GramAccumulator(f);
        gram.Add(rows, rows.Length / f);
        return gram.ToGram();
    }

    /// <summary>matrix += scale · v vᵀ.</summary>
    public static void AddOuter(Span<float> matrix, ReadOnlySpan<float> v, float scale)
    {
        int f = v.Length;
        for (int a = 0; a < f; a++)
        {
            TensorPrimitives.MultiplyAdd(v, v[a] * scale, matrix.Slice(a * f, f), matrix.Slice(a * f, f));
        }
    }

    /// <summary>Solves A x = b for symmetric positive definite A; b becomes x.</summary>
    public static void SolveSpd(ReadOnlySpan<float> a, Span<float> b, int f) => SolveCholesky(Cholesky(a, f), b, f);

    /// <summary>The Cholesky factor L of A = L Lᵀ (row-major, lower), in double for stability; factor once, solve many.</summary>
    public static double[] Cholesky(ReadOnlySpan<float> a, int f)
    {
        var l = new double[f * f];
        for (int i = 0; i < f; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[(i * f) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[(i * f) + k] * l[(j * f) + k];
                }

                l[(i * f) + j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[(j * f) + j];
            }
        }

        return l;
    }

    /// <summary>Solves L Lᵀ x = b by two triangular solves; b becomes x.</summary>
    public static void SolveCholesky(double[] l, Span<float> b, int f)
    {
        Span<double> y = f <= 256 ? stackalloc double[f] : new double[f];
        for (int i = 0; i < f; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++)
            {
                sum -= l[(i * f) + k] * y[k];
            }

            y[i] = sum / l[(i * f) + i];
        }

        for (int i = f - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int k = i + 1; k < f; k++)
            {
                sum -= l[(k * f) + i] * y[k];
            }

            y[i] = sum / l[(i * f) + i];
            b[i] = (float)y[i];
        }
    }
}
