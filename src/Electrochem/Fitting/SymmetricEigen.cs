using System.Numerics.Tensors;

namespace Electrochem.Fitting;

/// <summary>
/// Eigenvalues of a small dense symmetric matrix and the projection Vᵀy of one vector on its eigenvectors, without
/// forming V: Householder reduction to tridiagonal form, then implicit symmetric QR steps with Wilkinson shifts
/// (Golub and Van Loan, Matrix Computations, §8.3), each transformation applied to y as it is made.
/// About (4/3)n³ operations; the eigenvalues are accurate to about 10⁻¹⁶·‖A‖ in absolute terms.
/// </summary>
internal static class SymmetricEigen
{
    /// <summary>Computes the eigenvalues of A (in no particular order) and replaces y by Vᵀy in the same order.</summary>
    /// <param name="a">A, row-major n×n, symmetric; destroyed.</param>
    /// <param name="n">The order.</param>
    /// <param name="values">Receives the n eigenvalues.</param>
    /// <param name="y">The vector to project; replaced by Vᵀy.</param>
    /// <returns>False when the QR iteration did not converge within 30n steps (not seen for finite symmetric input).</returns>
    internal static bool Decompose(Span<double> a, int n, Span<double> values, Span<double> y)
    {
        Span<double> offDiagonal = n <= 512 ? stackalloc double[n] : new double[n];
        Tridiagonalise(a, n, values, offDiagonal, y);
        return Diagonalise(values, offDiagonal, y, n);
    }

    /// <summary>Householder reduction A = Q·T·Qᵀ; the diagonal of T into <paramref name="d"/>, the subdiagonal into <paramref name="e"/> (e[k] = T[k+1, k]); y ← Qᵀy.</summary>
    private static void Tridiagonalise(Span<double> a, int n, Span<double> d, Span<double> e, Span<double> y)
    {
        double[] buffer = new double[2 * n];
        for (int k = 0; k < n - 2; k++)
        {
            int size = n - k - 1;
            Span<double> v = buffer.AsSpan(0, size);
            Span<double> w = buffer.AsSpan(n, size);
            for (int i = 0; i < size; i++)
            {
                v[i] = a[((k + 1 + i) * n) + k];
            }

            double norm = TensorPrimitives.Norm(v);
            d[k] = a[(k * n) + k];
            if (norm == 0)
            {
                e[k] = 0;
                continue;
            }

            double alpha = v[0] > 0 ? -norm : norm;
            v[0] -= alpha;
            double beta = 2 / TensorPrimitives.Dot(v, v);
            e[k] = alpha;

            // p = β·A₂₂·v, w = p − (β·pᵀv/2)·v, A₂₂ ← A₂₂ − v·wᵀ − w·vᵀ.
            for (int i = 0; i < size; i++)
            {
                w[i] = beta * TensorPrimitives.Dot(a.Slice(((k + 1 + i) * n) + k + 1, size), v);
            }

            double half = beta * TensorPrimitives.Dot(w, v) / 2;
            TensorPrimitives.MultiplyAdd(v, -half, w, w);
            for (int i = 0; i < size; i++)
            {
                Span<double> row = a.Slice(((k + 1 + i) * n) + k + 1, size);
                TensorPrimitives.MultiplyAdd(w, -v[i], row, row);
                TensorPrimitives.MultiplyAdd(v, -w[i], row, row);
            }

            Span<double> tail = y.Slice(k + 1, size);
            double projection = beta * TensorPrimitives.Dot(v, tail);
            TensorPrimitives.MultiplyAdd(v, -projection, tail, tail);
        }

        if (n >= 2)
        {
            d[n - 2] = a[((n - 2) * n) + n - 2];
            e[n - 2] = a[((n - 1) * n) + n - 2];
        }

        d[n - 1] = a[((n - 1) * n) + n - 1];
        e[n - 1] = 0;
    }

    /// <summary>Implicit symmetric QR on the tridiagonal (d, e), applying each rotation to y.</summary>
    private static bool Diagonalise(Span<double> d, Span<double> e, Span<double> y, int n)
    {
        int budget = 30 * Math.Max(n, 1);
        int hi = n - 1;
        while (hi > 0)
        {
            if (Math.Abs(e[hi - 1]) <= double.Epsilon + (1e-16 * (Math.Abs(d[hi - 1]) + Math.Abs(d[hi]))))
            {
                e[hi - 1] = 0;
                hi--;
                continue;
            }

            int lo = hi - 1;
            while (lo > 0 && Math.Abs(e[lo - 1]) > double.Epsilon + (1e-16 * (Math.Abs(d[lo - 1]) + Math.Abs(d[lo]))))
            {
                lo--;
            }

            if (--budget < 0)
            {
                return false;
            }

            Step(d, e, y, lo, hi);
        }

        return true;
    }

    /// <summary>One implicit QR step with the Wilkinson shift on the unreduced block lo..hi, chasing the bulge down.</summary>
    private static void Step(Span<double> d, Span<double> e, Span<double> y, int lo, int hi)
    {
        double half = (d[hi - 1] - d[hi]) / 2;
        double offSquared = e[hi - 1] * e[hi - 1];
        double root = Math.Sqrt((half * half) + offSquared);
        double shift = d[hi] - (offSquared / (half + (half >= 0 ? root : -root)));
        double x = d[lo] - shift;
        double z = e[lo];
        for (int k = lo; k < hi; k++)
        {
            double r = Math.Sqrt((x * x) + (z * z));
            double c = r == 0 ? 1 : x / r;
            double s = r == 0 ? 0 : z / r;
            if (k > lo)
            {
                e[k - 1] = r;
            }

            double ak = d[k];
            double ak1 = d[k + 1];
            double bk = e[k];
            d[k] = (c * c * ak) + (2 * c * s * bk) + (s * s * ak1);
            d[k + 1] = (s * s * ak) - (2 * c * s * bk) + (c * c * ak1);
            e[k] = (c * s * (ak1 - ak)) + (((c * c) - (s * s)) * bk);
            if (k < hi - 1)
            {
                x = e[k];
                z = s * e[k + 1];
                e[k + 1] *= c;
            }

            double yk = y[k];
            y[k] = (c * yk) + (s * y[k + 1]);
            y[k + 1] = (-s * yk) + (c * y[k + 1]);
        }
    }
}
