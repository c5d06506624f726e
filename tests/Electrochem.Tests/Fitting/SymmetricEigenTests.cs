using Electrochem.Fitting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;

namespace Electrochem.Tests.Fitting;

/// <summary>Eigenvalues and the eigen-projection of a vector against Math.NET's dense EVD (a LAPACK-style reference).</summary>
public sealed class SymmetricEigenTests
{
    /// <summary>
    /// Random symmetric matrices (orders 1–60, entries of mixed scales, some with repeated eigenvalues): eigenvalues agree
    /// to 1e-11·‖A‖ (both are backward stable: errors of order n·10⁻¹⁶·‖A‖), and the projection c = Vᵀy satisfies
    /// Σcᵢ² = ‖y‖² and Σθᵢcᵢ² = yᵀAy to 1e-11 relative (exact identities; V's sign and the order within repeated
    /// eigenvalues are arbitrary, so these invariants are what can be compared).
    /// </summary>
    [Property(MaxTest = 60)]
    public Property Eigenvalues_and_projection_match_a_dense_reference(PositiveInt size, int seed)
    {
        int n = 1 + (size.Get % 60);
        var random = new Random(seed);
        double[] a = new double[n * n];
        bool repeated = seed % 4 == 0;
        var basis = Matrix<double>.Build.Random(n, n, seed).QR().Q;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double value = repeated ? 0 : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 3));
                a[(i * n) + j] = value;
                a[(j * n) + i] = value;
            }
        }

        if (repeated)
        {
            // Q·diag(1, 1, 2, 2, …)·Qᵀ: pairs of equal eigenvalues.
            var d = Matrix<double>.Build.DenseOfDiagonalArray([.. Enumerable.Range(0, n).Select(i => (double)(i / 2))]);
            var m = basis * d * basis.Transpose();
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    a[(i * n) + j] = (m[i, j] + m[j, i]) / 2;
                }
            }
        }

        double[] y = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)];
        var reference = Matrix<double>.Build.Dense(n, n, (i, j) => a[(i * n) + j]);
        double[] expected = [.. reference.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).Order()];
        double norm = reference.L2Norm();
        double yAy = Vector<double>.Build.DenseOfArray(y) * reference * Vector<double>.Build.DenseOfArray(y);
        double[] values = new double[n];
        double[] projection = [.. y];
        bool converged = SymmetricEigen.Decompose([.. a], n, values, projection);
        double[] sorted = [.. values.Order()];
        double worst = Enumerable.Range(0, n).Max(i => Math.Abs(sorted[i] - expected[i]));
        double sumSquares = projection.Sum(c => c * c);
        double quadratic = Enumerable.Range(0, n).Sum(i => values[i] * projection[i] * projection[i]);
        return (converged
                && worst <= 1e-11 * Math.Max(norm, 1e-300)
                && Math.Abs(sumSquares - y.Sum(v => v * v)) <= 1e-11 * y.Sum(v => v * v)
                && Math.Abs(quadratic - yAy) <= 1e-11 * norm * y.Sum(v => v * v))
            .Label($"n = {n}: worst eigenvalue error {worst:G3} (‖A‖ = {norm:G3}), Σc² {sumSquares} vs {y.Sum(v => v * v)}, Σθc² {quadratic} vs {yAy}");
    }

    [Fact]
    public void A_diagonal_matrix_is_its_own_decomposition()
    {
        double[] values = new double[3];
        double[] y = [1, 2, 3];
        Assert.True(SymmetricEigen.Decompose([3, 0, 0, 0, 1, 0, 0, 0, 2], 3, values, y));
        Assert.Equal([3, 1, 2], values);
        Assert.Equal([1, 2, 3], y.Select(Math.Abs));
    }
}
