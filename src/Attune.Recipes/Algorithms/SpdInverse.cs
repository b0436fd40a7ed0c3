using System.Numerics.Tensors;

namespace Attune.Recipes.Algorithms;

/// <summary>
/// Inverse of a dense symmetric positive definite matrix (EASE's (G + λI)⁻¹) through Cholesky: A = L Lᵀ,
/// Z = L⁻¹, A⁻¹ = Zᵀ Z. Every inner loop is a contiguous dot product, blocked so a row is reused from cache.
/// </summary>
internal static class SpdInverse
{
    private const int Block = 8;

    /// <summary>Returns A⁻¹ (row-major n×n); <paramref name="a"/> is destroyed.</summary>
    public static float[] Invert(float[] a, int n, CancellationToken cancellationToken)
    {
        Cholesky(a, n, cancellationToken);
        float[] zt = InvertLowerTransposed(a, n, cancellationToken);
        return MultiplyTransposed(zt, n, cancellationToken);
    }

    /// <summary>In place: the lower triangle of <paramref name="a"/> becomes L.</summary>
    private static void Cholesky(float[] a, int n, CancellationToken cancellationToken)
    {
        const int panel = 64;
        for (int start = 0; start < n; start += panel)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = Math.Min(n, start + panel);

            // Columns left of the panel: rows of the panel are independent given rows < start.
            Parallel.For(start, end, i =>
            {
                var rowI = a.AsSpan(i * n, n);
                for (int j = 0; j < start; j++)
                {
                    float s = rowI[j] - TensorPrimitives.Dot(rowI[..j], a.AsSpan(j * n, j));
                    rowI[j] = s / a[(j * n) + j];
                }
            });

            for (int i = start; i < end; i++)
            {
                var rowI = a.AsSpan(i * n, n);
                for (int j = start; j <= i; j++)
                {
                    float s = rowI[j] - TensorPrimitives.Dot(rowI[..j], a.AsSpan(j * n, j));
                    rowI[j] = i == j ? MathF.Sqrt(Math.Max(s, 1e-12f)) : s / a[(j * n) + j];
                }
            }
        }
    }

    /// <summary>Rows of the result are the columns of Z = L⁻¹ (Zt[j, k] = Z[k, j], zero for k &lt; j).</summary>
    private static float[] InvertLowerTransposed(float[] l, int n, CancellationToken cancellationToken)
    {
        var zt = new float[(long)n * n > int.MaxValue ? throw new InvalidOperationException("Matrix too large.") : n * n];
        int blocks = (n + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            int first = block * Block;
            int last = Math.Min(n, first + Block);
            for (int k = first; k < n; k++)
            {
                var lk = l.AsSpan(k * n, k);
                float diagonal = l[(k * n) + k];
                for (int j = first; j < last && j <= k; j++)
                {
                    var zj = zt.AsSpan(j * n, n);
                    float s = (k == j ? 1 : 0) - TensorPrimitives.Dot(lk[j..k], zj[j..k]);
                    zj[k] = s / diagonal;
                }
            }
        });

        return zt;
    }

    /// <summary>P = Zᵀ Z, i.e. P[a, b] = Σ_k Zt[a, k] Zt[b, k] over k ≥ max(a, b).</summary>
    private static float[] MultiplyTransposed(float[] zt, int n, CancellationToken cancellationToken)
    {
        var p = new float[n * n];
        int blocks = (n + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            int first = block * Block;
            int last = Math.Min(n, first + Block);
            for (int b = first; b < n; b++)
            {
                var zb = zt.AsSpan(b * n, n);
                for (int a = first; a < last && a <= b; a++)
                {
                    float value = TensorPrimitives.Dot(zt.AsSpan((a * n) + b, n - b), zb[b..]);
                    p[(a * n) + b] = value;
                    p[(b * n) + a] = value;
                }
            }
        });

        return p;
    }
}
