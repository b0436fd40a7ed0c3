namespace Attune.Recipes.Algorithms;

/// <summary>
/// VᵀV of an n×f row-major matrix fed in chunks: SIMD float sums over fixed blocks of rows (in parallel), the blocks
/// added up in double in row order. The result depends only on the rows, not on the core count or on how the rows
/// were chunked (chunks of whole blocks), so a model read in pieces folds users in exactly as the whole model does.
/// </summary>
internal sealed class GramAccumulator(int f)
{
    public const int BlockRows = 1024;

    private readonly double[] _total = new double[f * f];

    /// <summary>Adds <paramref name="count"/> rows; every call but the last must add a multiple of <see cref="BlockRows"/>.</summary>
    public void Add(float[] rows, int count)
    {
        int blocks = (count + BlockRows - 1) / BlockRows;
        var partials = new float[blocks][];
        Parallel.For(0, blocks, block =>
        {
            var local = new float[f * f];
            int end = Math.Min(count, (block + 1) * BlockRows);
            for (int row = block * BlockRows; row < end; row++)
            {
                DenseMath.AddOuter(local, rows.AsSpan(row * f, f), 1);
            }

            partials[block] = local;
        });

        foreach (var local in partials)
        {
            for (int k = 0; k < local.Length; k++)
            {
                _total[k] += local[k];
            }
        }
    }

    public float[] ToGram()
    {
        var gram = new float[_total.Length];
        for (int k = 0; k < gram.Length; k++)
        {
            gram[k] = (float)_total[k];
        }

        return gram;
    }
}
