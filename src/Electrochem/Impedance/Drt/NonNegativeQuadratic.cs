using Electrochem.Fitting;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// Minimises ½·xᵀHx − gᵀx subject to x ≥ 0, for a symmetric positive-definite H (row-major n×n): the active-set method of
/// Lawson and Hanson written on the normal equations. Each step solves the free variables' block by Cholesky; the
/// solution satisfies the Karush–Kuhn–Tucker conditions: x ≥ 0, w = g − Hx ≤ 0 where x = 0, and w = 0 where x &gt; 0.
/// </summary>
internal static class NonNegativeQuadratic
{
    /// <summary>Solves the problem.</summary>
    /// <param name="h">H, row-major, n×n, symmetric positive definite.</param>
    /// <param name="g">g, length n.</param>
    /// <param name="x">Receives the solution.</param>
    /// <param name="maximumIterations">Outer iterations allowed (each frees one variable); 3n is ample.</param>
    /// <returns>The outer iterations used, or −1 when the limit was reached or a block was not positive definite.</returns>
    internal static int Solve(ReadOnlySpan<double> h, ReadOnlySpan<double> g, Span<double> x, int maximumIterations)
    {
        int n = g.Length;
        x.Clear();
        bool[] free = new bool[n];
        double[] w = new double[n];
        double[] s = new double[n];
        double[] block = new double[n * n];
        int[] index = new int[n];
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(g[i]));
        }

        double tolerance = 1e-12 * Math.Max(scale, double.Epsilon);

        // Warm start: the unconstrained solution's positive part is feasible and its support is usually close to the
        // answer's, so the outer loop below (one variable freed per step, one factorisation each) has little left to do.
        block.AsSpan().Clear();
        h.CopyTo(block);
        g.CopyTo(s);
        if (DenseAlgebra.Cholesky(block, n))
        {
            DenseAlgebra.CholeskySolve(block, n, s);
            for (int i = 0; i < n; i++)
            {
                free[i] = s[i] > 0;
                x[i] = Math.Max(s[i], 0);
            }

            if (!Inner(h, g, x, free, block, s, index))
            {
                return -1;
            }
        }

        for (int iteration = 1; iteration <= maximumIterations; iteration++)
        {
            Gradient(h, g, x, w);
            int entering = -1;
            double best = tolerance;
            for (int i = 0; i < n; i++)
            {
                if (!free[i] && w[i] > best)
                {
                    best = w[i];
                    entering = i;
                }
            }

            if (entering < 0)
            {
                // Values below 10⁻¹² of the largest are rounding noise of the block solves (the warm start frees variables
                // the cold start never touches); within the optimality tolerance they are 0.
                double largest = 0;
                foreach (double value in x)
                {
                    largest = Math.Max(largest, value);
                }

                for (int i = 0; i < n; i++)
                {
                    x[i] = x[i] < 1e-12 * largest ? 0 : x[i];
                }

                return iteration - 1;
            }

            free[entering] = true;
            if (!Inner(h, g, x, free, block, s, index))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Solves the free block and moves x towards its solution, fixing at 0 each variable that would turn negative, until
    /// the free block's solution is positive (Lawson and Hanson's inner loop). x must be feasible on entry.
    /// </summary>
    /// <returns>False when a free block is not positive definite.</returns>
    private static bool Inner(ReadOnlySpan<double> h, ReadOnlySpan<double> g, Span<double> x, bool[] free, double[] block, double[] s, int[] index)
    {
        int n = g.Length;
        while (true)
        {
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                if (free[i])
                {
                    index[count++] = i;
                }
            }

            Span<double> sub = block.AsSpan(0, count * count);
            Span<double> rhs = s.AsSpan(0, count);
            for (int r = 0; r < count; r++)
            {
                rhs[r] = g[index[r]];
                for (int c = 0; c < count; c++)
                {
                    sub[(r * count) + c] = h[(index[r] * n) + index[c]];
                }
            }

            if (!DenseAlgebra.Cholesky(sub, count))
            {
                return false;
            }

            DenseAlgebra.CholeskySolve(sub, count, rhs);
            double step = 1;
            int leaving = -1;
            for (int r = 0; r < count; r++)
            {
                if (rhs[r] <= 0)
                {
                    double xi = x[index[r]];
                    double t = xi / (xi - rhs[r]);
                    if (t < step)
                    {
                        step = t;
                        leaving = r;
                    }
                }
            }

            if (leaving < 0)
            {
                for (int r = 0; r < count; r++)
                {
                    x[index[r]] = rhs[r];
                }

                return true;
            }

            // Move towards the unconstrained block solution until a variable reaches 0, and fix it there.
            for (int r = 0; r < count; r++)
            {
                int i = index[r];
                x[i] += step * (rhs[r] - x[i]);
                if (r == leaving || x[i] <= 0)
                {
                    x[i] = 0;
                    free[i] = false;
                }
            }
        }
    }

    private static void Gradient(ReadOnlySpan<double> h, ReadOnlySpan<double> g, ReadOnlySpan<double> x, Span<double> w)
    {
        int n = g.Length;
        for (int i = 0; i < n; i++)
        {
            double sum = g[i];
            ReadOnlySpan<double> row = h.Slice(i * n, n);
            for (int k = 0; k < n; k++)
            {
                sum -= row[k] * x[k];
            }

            w[i] = sum;
        }
    }
}
