namespace Electrochem.Fitting;

/// <summary>Small dense symmetric-matrix kernels (row-major, n×n, n = number of parameters).</summary>
internal static class DenseAlgebra
{
    /// <summary>
    /// Smallest allowed squared Cholesky pivot of a unit-diagonal (correlation-scaled) normal matrix: below it the
    /// matrix is treated as singular (condition number above about 10¹⁴).
    /// </summary>
    internal const double SingularPivot = 1e-14;

    /// <summary>In-place Cholesky A = L·Lᵀ; L in the lower triangle. False when a pivot is not positive and finite.</summary>
    internal static bool Cholesky(Span<double> a, int n) => Factor(a, n, 0) < 0;

    /// <summary>
    /// In-place Cholesky requiring every squared pivot to exceed <paramref name="minimumSquaredPivot"/>; returns −1
    /// on success or the index of the first pivot that does not.
    /// </summary>
    private static int Factor(Span<double> a, int n, double minimumSquaredPivot)
    {
        for (int j = 0; j < n; j++)
        {
            double diagonal = a[(j * n) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= a[(j * n) + k] * a[(j * n) + k];
            }

            if (!(diagonal > minimumSquaredPivot) || !double.IsFinite(diagonal))
            {
                return j;
            }

            double ljj = Math.Sqrt(diagonal);
            a[(j * n) + j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double sum = a[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = sum / ljj;
            }
        }

        return -1;
    }

    /// <summary>Solves L·Lᵀ·x = b in place, L from <see cref="Cholesky"/>.</summary>
    internal static void CholeskySolve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++)
            {
                sum -= l[(i * n) + k] * b[k];
            }

            b[i] = sum / l[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * b[k];
            }

            b[i] = sum / l[(i * n) + i];
        }
    }

    /// <summary>
    /// Inverts a symmetric positive semi-definite matrix after scaling it to unit diagonal, which makes the
    /// singularity test independent of the parameters' units. Returns −1 on success, otherwise the index of the
    /// parameter that is (nearly) a combination of the others; <paramref name="inverse"/> is then undefined.
    /// </summary>
    internal static int ScaledInverse(ReadOnlySpan<double> a, int n, Span<double> inverse)
    {
        Span<double> scale = n <= 64 ? stackalloc double[n] : new double[n];
        Span<double> factor = n <= 16 ? stackalloc double[n * n] : new double[n * n];
        for (int i = 0; i < n; i++)
        {
            double d = a[(i * n) + i];
            if (!(d > 0) || !double.IsFinite(d))
            {
                return i;
            }

            scale[i] = 1 / Math.Sqrt(d);
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                factor[(i * n) + j] = a[(i * n) + j] * scale[i] * scale[j];
            }
        }

        int dependent = Factor(factor, n, SingularPivot);
        if (dependent >= 0)
        {
            return dependent;
        }

        Span<double> column = n <= 64 ? stackalloc double[n] : new double[n];
        for (int c = 0; c < n; c++)
        {
            column.Clear();
            column[c] = 1;
            CholeskySolve(factor, n, column);
            for (int r = 0; r < n; r++)
            {
                inverse[(r * n) + c] = column[r] * scale[r] * scale[c];
            }
        }

        return -1;
    }

    /// <summary>
    /// Least squares min ‖A·x − b‖ by Householder QR, in place, single-threaded and without allocation beyond x:
    /// <paramref name="a"/> is rows × columns row-major (rows ≥ columns) and is overwritten by R and the reflectors,
    /// <paramref name="b"/> by Qᵀb. Returns false, leaving x unset, when the system is rank deficient — some |Rₖₖ| at or
    /// below <paramref name="rankThreshold"/> times the largest — so the caller can fall back to a pseudo-inverse.
    /// </summary>
    internal static bool LeastSquaresQr(Span<double> a, int rows, int columns, Span<double> b, Span<double> x, double rankThreshold)
    {
        double largest = 0;
        for (int k = 0; k < columns; k++)
        {
            double norm = 0;
            for (int i = k; i < rows; i++)
            {
                double v = a[(i * columns) + k];
                norm += v * v;
            }

            norm = Math.Sqrt(norm);
            if (norm == 0)
            {
                return false;
            }

            double diagonal = a[(k * columns) + k];
            double alpha = diagonal > 0 ? -norm : norm;
            a[(k * columns) + k] = diagonal - alpha;   // v = column k below the diagonal with v₀ = a_kk − α
            double vv = 0;
            for (int i = k; i < rows; i++)
            {
                double v = a[(i * columns) + k];
                vv += v * v;
            }

            for (int j = k + 1; j < columns; j++)
            {
                double dot = 0;
                for (int i = k; i < rows; i++)
                {
                    dot += a[(i * columns) + k] * a[(i * columns) + j];
                }

                double factor = 2 * dot / vv;
                for (int i = k; i < rows; i++)
                {
                    a[(i * columns) + j] -= factor * a[(i * columns) + k];
                }
            }

            double dotB = 0;
            for (int i = k; i < rows; i++)
            {
                dotB += a[(i * columns) + k] * b[i];
            }

            double factorB = 2 * dotB / vv;
            for (int i = k; i < rows; i++)
            {
                b[i] -= factorB * a[(i * columns) + k];
            }

            a[(k * columns) + k] = alpha;               // R's diagonal
            largest = Math.Max(largest, Math.Abs(alpha));
        }

        for (int k = 0; k < columns; k++)
        {
            if (!(Math.Abs(a[(k * columns) + k]) > rankThreshold * largest))
            {
                return false;
            }
        }

        for (int k = columns - 1; k >= 0; k--)
        {
            double sum = b[k];
            for (int j = k + 1; j < columns; j++)
            {
                sum -= a[(k * columns) + j] * x[j];
            }

            x[k] = sum / a[(k * columns) + k];
        }

        return true;
    }
}
