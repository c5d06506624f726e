using Electrochem.Impedance.Drt;

namespace Electrochem.Tests.Impedance.Drt;

/// <summary>The basis functions' impedance integrals and penalty inner products against brute-force quadrature.</summary>
public sealed class DrtBasisKernelsTests
{
    /// <summary>
    /// The Gaussian's kernels (trapezoid with step min(0.4, ε/4)) against a midpoint sum of step 10⁻⁴ in x over ±12/ε:
    /// agreement to 1e-11 of the basis area over FWHM coefficients 0.05 to 10 and ωτ from 10⁻⁸ to 10⁸.
    /// </summary>
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(10)]
    public void Gaussian_kernels_match_brute_force_quadrature(double coefficient)
    {
        const double step = 0.23;
        var kernels = new DrtBasisKernels(DrtBasis.Gaussian, coefficient, step);
        double area = DrtBasisKernels.Area(DrtBasis.Gaussian, kernels.Shape, step);
        foreach (double s in new[] { -18.4, -5, -1.3, 0, 0.7, 4, 18.4 })
        {
            kernels.Kernel(s, out double re, out double im);
            (double expectedRe, double expectedIm) = BruteForce(kernels, s, 12 / kernels.Shape);
            Assert.Equal(expectedRe, re, 1e-11 * area);
            Assert.Equal(expectedIm, im, 1e-11 * area);
        }
    }

    [Fact]
    public void Gaussian_area_and_penalty_match_brute_force_quadrature()
    {
        const double step = 0.3;
        var kernels = new DrtBasisKernels(DrtBasis.Gaussian, 0.5, step);
        double half = 12 / kernels.Shape;
        const double h = 1e-4;
        double area = 0;
        for (double x = -half + (h / 2); x < half; x += h)
        {
            area += DrtBasisKernels.Value(DrtBasis.Gaussian, kernels.Shape, step, x) * h;
        }

        Assert.Equal(area, DrtBasisKernels.Area(DrtBasis.Gaussian, kernels.Shape, step), 1e-10);
        for (int order = 1; order <= 2; order++)
        {
            for (int d = 0; d < 4; d++)
            {
                double inner = 0;
                for (double x = -half + (h / 2); x < half; x += h)
                {
                    inner += Derivative(kernels, step, order, x) * Derivative(kernels, step, order, x - (d * step)) * h;
                }

                Assert.Equal(inner, kernels.PenaltyInner(order, d), 1e-6 * Math.Abs(kernels.PenaltyInner(order, 0)));
            }
        }
    }

    private static double Derivative(DrtBasisKernels kernels, double step, int order, double x)
    {
        const double d = 1e-4;
        double value(double y) => DrtBasisKernels.Value(kernels.Basis, kernels.Shape, step, y);
        return order == 1
            ? (value(x + d) - value(x - d)) / (2 * d)
            : (value(x + d) - (2 * value(x)) + value(x - d)) / (d * d);
    }

    private static (double Re, double Im) BruteForce(DrtBasisKernels kernels, double s, double half)
    {
        const double h = 1e-4;
        double re = 0;
        double im = 0;
        for (double x = -half + (h / 2); x < half; x += h)
        {
            double phi = DrtBasisKernels.Value(kernels.Basis, kernels.Shape, kernels.Step, x);
            double e = Math.Exp(s + x);
            re += phi / (1 + (e * e)) * h;
            im += phi * e / (1 + (e * e)) * h;
        }

        return (re, im);
    }
}
