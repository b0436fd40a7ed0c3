namespace Attune.Recipes.Actions;

/// <summary>One labelled (user, action) pair: the action's prior logit (an offset), its two user signals, and whether it was taken.</summary>
internal readonly record struct PropensityExample(float PriorLogit, float CoTaking, float Metadata, bool Taken);

/// <summary>
/// L2-regularised logistic regression of taken vs not on (co-taking, metadata affinity, bias) with the prior logit as an
/// offset, by Newton's method: three parameters, so each step is one pass over the examples plus a 3×3 solve.
/// </summary>
internal static class PropensityFit
{
    private const double Ridge = 1.0;
    private const int MaxSteps = 25;

    public static PropensityWeights Fit(IReadOnlyList<PropensityExample> examples)
    {
        var w = new double[3];
        for (int step = 0; step < MaxSteps; step++)
        {
            var gradient = new double[3];
            var hessian = new double[3, 3];
            foreach (var e in examples)
            {
                double[] x = [e.CoTaking, e.Metadata, 1];
                double p = ActionFeatures.Sigmoid(e.PriorLogit + (w[0] * x[0]) + (w[1] * x[1]) + w[2]);
                double residual = (e.Taken ? 1 : 0) - p;
                double curvature = Math.Max(p * (1 - p), 1e-9);
                for (int i = 0; i < 3; i++)
                {
                    gradient[i] += residual * x[i];
                    for (int j = 0; j < 3; j++)
                    {
                        hessian[i, j] += curvature * x[i] * x[j];
                    }
                }
            }

            for (int i = 0; i < 3; i++)
            {
                gradient[i] -= Ridge * w[i];
                hessian[i, i] += Ridge;
            }

            var delta = Solve(hessian, gradient);
            double change = 0;
            for (int i = 0; i < 3; i++)
            {
                w[i] += delta[i];
                change = Math.Max(change, Math.Abs(delta[i]));
            }

            if (change < 1e-6)
            {
                break;
            }
        }

        return new PropensityWeights(w[0], w[1], w[2]);
    }

    /// <summary>Gaussian elimination with partial pivoting; the ridge keeps the matrix positive definite.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                pivot = Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]) ? row : pivot;
            }

            for (int k = 0; k < n; k++)
            {
                (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            }

            (x[col], x[pivot]) = (x[pivot], x[col]);
            for (int row = col + 1; row < n; row++)
            {
                double factor = m[row, col] / m[col, col];
                for (int k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }

                x[row] -= factor * x[col];
            }
        }

        for (int row = n - 1; row >= 0; row--)
        {
            for (int k = row + 1; k < n; k++)
            {
                x[row] -= m[row, k] * x[k];
            }

            x[row] /= m[row, row];
        }

        return x;
    }
}
