using Electrochem.Fitting;
using Electrochem.Impedance.Drt;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;

namespace Electrochem.Tests.Impedance.Drt;

/// <summary>
/// The once-diagonalised ridge problem against direct dense computation at each λ: x = (AᵀA + λM)⁻¹Aᵀb, the residual,
/// xᵀMx, tr K and tr K² from explicit matrices, and the L-curve's curvature from finite differences of the directly
/// computed (ln ρ, ln η) in ln λ.
/// </summary>
public sealed class DrtRidgeTests
{
    /// <summary>
    /// Random problems shaped like a DRT (an ill-conditioned smooth design, a penalty that leaves the first column free):
    /// the O(p) formulas agree with the direct ones to 1e-7 relative over λ from 10⁻⁶ to 1 (the direct inverse of
    /// AᵀA + λM loses digits with its condition number, ~10⁸ here at small λ, so this tolerance measures the reference).
    /// </summary>
    [Property(MaxTest = 30)]
    public Property Diagonalised_formulas_match_direct_computation(int seed)
    {
        var random = new Random(seed);
        int rows = 40;
        int p = 12;
        var a = Matrix<double>.Build.Dense(rows, p, (i, j) => j == 0 ? 1 : 1 / (1 + Math.Exp((i / 4.0) - j - 1 + random.NextDouble())));
        var b = Vector<double>.Build.Dense(rows, i => Math.Sin(i / 7.0) + (0.01 * DrtTestSpectra.Normal(random)));
        var d2 = Matrix<double>.Build.Dense(p - 3, p, (i, j) => j == i + 1 ? 1 : j == i + 2 ? -2 : j == i + 3 ? 1 : 0);
        var m = (d2.Transpose() * d2) + Matrix<double>.Build.Dense(p, p, (i, j) => i == j && i > 0 ? 1e-3 : 0);
        var ata = a.Transpose() * a;
        var atb = a.Transpose() * b;
        DrtRidge ridge = DrtRidge.Create(ata.ToRowMajorArray(), m.ToRowMajorArray(), atb.ToArray(), b * b, rows)!;
        Assert.NotNull(ridge);
        var failures = new List<string>();
        foreach (double lambda in new[] { 1e-6, 1e-4, 1e-2, 1 })
        {
            (double rho, double eta, double trace, double trace2) = Direct(a, b, m, lambda);
            Check(failures, "residual", lambda, rho, ridge.Residual(lambda), 1e-7);
            Check(failures, "tr K", lambda, trace, ridge.Trace(lambda), 1e-7);
            Check(failures, "tr K²", lambda, trace2, ridge.TraceOfSquare(lambda), 1e-7);

            // Curvature from central differences in t = ln λ of the direct (ln ρ, ln η).
            const double h = 1e-2;
            double[] f = new double[3];
            double[] g = new double[3];
            for (int k = 0; k < 3; k++)
            {
                (double r, double e, _, _) = Direct(a, b, m, lambda * Math.Exp((k - 1) * h));
                f[k] = Math.Log(r);
                g[k] = Math.Log(e);
            }

            double f1 = (f[2] - f[0]) / (2 * h);
            double g1 = (g[2] - g[0]) / (2 * h);
            double f2 = (f[2] - (2 * f[1]) + f[0]) / (h * h);
            double g2 = (g[2] - (2 * g[1]) + g[0]) / (h * h);
            double curvature = ((f1 * g2) - (f2 * g1)) / Math.Pow((f1 * f1) + (g1 * g1), 1.5);
            _ = eta;
            if (Math.Abs(curvature - ridge.Curvature(lambda)) > (0.01 * Math.Abs(curvature)) + 1e-3)
            {
                failures.Add($"curvature at λ = {lambda}: direct {curvature}, diagonalised {ridge.Curvature(lambda)}");
            }
        }

        return (failures.Count == 0).Label(string.Join("; ", failures));
    }

    [Fact]
    public void Gcv_score_is_the_textbook_formula()
    {
        var random = new Random(5);
        var a = Matrix<double>.Build.Dense(20, 5, (i, j) => Math.Exp(-Math.Abs(i - (4 * j)) / 3.0));
        var b = Vector<double>.Build.Dense(20, i => Math.Cos(i / 3.0) + (0.05 * DrtTestSpectra.Normal(random)));
        var m = Matrix<double>.Build.DenseIdentity(5);
        DrtRidge ridge = DrtRidge.Create((a.Transpose() * a).ToRowMajorArray(), m.ToRowMajorArray(), (a.Transpose() * b).ToArray(), b * b, 20)!;
        (double rho, _, double trace, double trace2) = Direct(a, b, m, 0.01);
        Assert.Equal(20 * rho / ((20 - trace) * (20 - trace)), DrtLambdaSearch.Score(ridge, DrtLambdaCriterion.Gcv, 0.01, 0), 1e-9);
        Assert.Equal(20 * rho / ((20 - (1.3 * trace)) * (20 - (1.3 * trace))), DrtLambdaSearch.Score(ridge, DrtLambdaCriterion.ModifiedGcv, 0.01, 0), 1e-9);
        Assert.Equal((0.2 + (0.8 * trace2 / 20)) * 20 * rho / ((20 - trace) * (20 - trace)), DrtLambdaSearch.Score(ridge, DrtLambdaCriterion.RobustGcv, 0.01, 0), 1e-9);
        Assert.Equal(Math.Pow(Math.Log(rho / (20 * 0.01)), 2), DrtLambdaSearch.Score(ridge, DrtLambdaCriterion.Discrepancy, 0.01, 0.01), 1e-9);
    }

    private static void Check(List<string> failures, string name, double lambda, double expected, double actual, double relative)
    {
        if (Math.Abs(expected - actual) > relative * Math.Max(Math.Abs(expected), 1e-12))
        {
            failures.Add($"{name} at λ = {lambda}: direct {expected}, diagonalised {actual}");
        }
    }

    private static (double Rho, double Eta, double Trace, double TraceOfSquare) Direct(Matrix<double> a, Vector<double> b, Matrix<double> m, double lambda)
    {
        var inverse = ((a.Transpose() * a) + (lambda * m)).Inverse();
        var x = inverse * a.Transpose() * b;
        var r = b - (a * x);
        var k = a * inverse * a.Transpose();
        return (r * r, x * (m * x), k.Trace(), (k * k).Trace());
    }
}
