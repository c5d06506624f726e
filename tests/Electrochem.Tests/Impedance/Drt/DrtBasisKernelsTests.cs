using Electrochem.Impedance.Drt;

namespace Electrochem.Tests.Impedance.Drt;

/// <summary>Every basis function's impedance integrals, area and penalty inner products against brute-force quadrature.</summary>
public sealed class DrtBasisKernelsTests
{
    /// <summary>
    /// The kernels against brute force — uniform panels of width 0.01 in x, each by the 10-point Gauss–Legendre rule, the
    /// kinks (0, ±Δ, the Cauchy cut at ±50) on panel boundaries — over the basis's support (±12/ε for the Gaussian, ±50 for
    /// Cauchy, ±Δ for hats; the inverse quadratic over ±(2000/ε + 200) plus its closed-form tail where K′ = 1):
    /// agreement to 1e-10 of the basis area over FWHM coefficients 0.1 to 10 and ωτ from 10⁻¹⁶ to 10¹⁶. The production
    /// code uses graded panels (and the trapezoidal rule for the Gaussian), so the two share only the rule itself.
    /// </summary>
    [Theory]
    [InlineData(DrtBasis.Gaussian, 0.1)]
    [InlineData(DrtBasis.Gaussian, 0.5)]
    [InlineData(DrtBasis.Gaussian, 10)]
    [InlineData(DrtBasis.InverseQuadratic, 0.1)]
    [InlineData(DrtBasis.InverseQuadratic, 0.5)]
    [InlineData(DrtBasis.InverseQuadratic, 3)]
    [InlineData(DrtBasis.Cauchy, 0.2)]
    [InlineData(DrtBasis.Cauchy, 0.5)]
    [InlineData(DrtBasis.Cauchy, 3)]
    [InlineData(DrtBasis.PiecewiseLinear, 0.5)]
    public void Kernels_match_brute_force_quadrature(DrtBasis basis, double coefficient)
    {
        const double step = 0.23;
        var kernels = new DrtBasisKernels(basis, coefficient, step);
        double area = DrtBasisKernels.Area(basis, kernels.Shape, step);
        double tolerance = 1e-10 * area;
        foreach (double s in new[] { -37, -18.4, -5, -1.3, 0, 0.07, 0.7, 4, 18.4, 37 })
        {
            kernels.Kernel(s, out double re, out double im);
            (double expectedRe, double expectedIm) = BruteForce(kernels, s);
            Assert.True(Math.Abs(expectedRe - re) <= tolerance, $"{basis}, s = {s}: Re {re} vs {expectedRe}");
            Assert.True(Math.Abs(expectedIm - im) <= tolerance, $"{basis}, s = {s}: −Im {im} vs {expectedIm}");
        }
    }

    [Theory]
    [InlineData(DrtBasis.Gaussian)]
    [InlineData(DrtBasis.InverseQuadratic)]
    [InlineData(DrtBasis.Cauchy)]
    [InlineData(DrtBasis.PiecewiseLinear)]
    public void Areas_match_brute_force_and_the_value_has_its_full_width_at_half_maximum(DrtBasis basis)
    {
        const double step = 0.3;
        var kernels = new DrtBasisKernels(basis, 0.5, step);
        (double low, double high) = Support(kernels);
        Assert.Equal(Midpoint(x => DrtBasisKernels.Value(basis, kernels.Shape, step, x), low, high, 2e-4) + Tail(kernels, low), DrtBasisKernels.Area(basis, kernels.Shape, step), 1e-7 * DrtBasisKernels.Area(basis, kernels.Shape, step));
        Assert.Equal(1, DrtBasisKernels.Value(basis, kernels.Shape, step, 0));
        double halfWidth = basis == DrtBasis.PiecewiseLinear ? step / 2 : step / 0.5 / 2;   // FWHM = Δ/coefficient (hats: Δ)
        Assert.Equal(0.5, DrtBasisKernels.Value(basis, kernels.Shape, step, halfWidth), 12);
        Assert.Equal(0.5, DrtBasisKernels.Value(basis, kernels.Shape, step, -halfWidth), 12);
    }

    /// <summary>
    /// ∫ φ⁽ᵏ⁾ₐ φ⁽ᵏ⁾_b by finite differences of the value (step 10⁻⁴) and a midpoint sum: agreement to 1e-5 of the diagonal
    /// (the finite differences limit it). Cauchy only for k = 1 (its second derivative has a Dirac delta at the kink), with
    /// its analytic derivative −ε·sign(x)/(1 + ε|x|)² over all x (the uncut function; at d = 0, pyDRTtools' closed form
    /// 2ε/3): the library integrates the derivative within the ±50 window and leaves out the cut's jumps (Dirac deltas),
    /// which differs from the uncut value by the tail beyond ±50, below 10⁻⁷ of the diagonal here. Hats are compared with
    /// their definitions (exact first-difference, discrete second-difference penalty).
    /// </summary>
    [Theory]
    [InlineData(DrtBasis.Gaussian, 1)]
    [InlineData(DrtBasis.Gaussian, 2)]
    [InlineData(DrtBasis.InverseQuadratic, 1)]
    [InlineData(DrtBasis.InverseQuadratic, 2)]
    [InlineData(DrtBasis.Cauchy, 1)]
    public void Penalty_inner_products_match_brute_force(DrtBasis basis, int order)
    {
        const double step = 0.3;
        var kernels = new DrtBasisKernels(basis, 0.5, step);
        double half = basis == DrtBasis.Gaussian ? 12 / kernels.Shape : basis == DrtBasis.Cauchy ? 3000 : 400 / kernels.Shape;
        double diagonal = kernels.PenaltyInner(order, 0);
        for (int d = 0; d < 5; d++)
        {
            double inner = Midpoint(x => Derivative(kernels, order, x) * Derivative(kernels, order, x - (d * step)), -half, half + (d * step), 1e-4);
            Assert.True(Math.Abs(inner - kernels.PenaltyInner(order, d)) <= 1e-5 * Math.Abs(diagonal), $"{basis}, k = {order}, d = {d}: {kernels.PenaltyInner(order, d)} vs {inner}");
        }
    }

    /// <summary>The 10-point rule integrates polynomials to degree 19 exactly, and its weights sum to 2.</summary>
    [Fact]
    public void The_gauss_legendre_rule_is_exact_to_degree_19()
    {
        Assert.Equal(2, Electrochem.Fitting.GaussLegendre.Weights.ToArray().Sum(), 14);
        for (int degree = 0; degree <= 19; degree++)
        {
            int p = degree;
            double exact = (Math.Pow(2, p + 1) - Math.Pow(-1, p + 1)) / (p + 1);   // ∫ x^p over [−1, 2]
            Assert.Equal(exact, Electrochem.Fitting.GaussLegendre.Integrate(x => Math.Pow(x, p), -1, 2), 1e-12 * Math.Max(1, Math.Abs(exact)));
        }
    }

    [Fact]
    public void Hat_penalties_are_the_first_and_second_differences()
    {
        var kernels = new DrtBasisKernels(DrtBasis.PiecewiseLinear, 0.5, 0.25);
        Assert.Equal([8, -4, 0], [.. Enumerable.Range(0, 3).Select(d => kernels.PenaltyInner(1, d))]);
        Assert.Equal([384, -256, 64, 0], [.. Enumerable.Range(0, 4).Select(d => kernels.PenaltyInner(2, d))]);
        Assert.Equal(4, kernels.Shape);
    }

    private static double Derivative(DrtBasisKernels kernels, int order, double x)
    {
        if (kernels.Basis == DrtBasis.Cauchy)
        {
            double u = kernels.Shape * Math.Abs(x);
            return x == 0 ? 0 : -kernels.Shape * Math.Sign(x) / ((1 + u) * (1 + u));
        }

        const double d = 1e-4;
        double value(double y) => DrtBasisKernels.Value(kernels.Basis, kernels.Shape, kernels.Step, y);
        return order == 1
            ? (value(x + d) - value(x - d)) / (2 * d)
            : (value(x + d) - (2 * value(x)) + value(x - d)) / (d * d);
    }

    private static (double Low, double High) Support(DrtBasisKernels kernels) => kernels.Basis switch
    {
        DrtBasis.Gaussian => (-12 / kernels.Shape, 12 / kernels.Shape),
        DrtBasis.Cauchy => (-DrtBasisKernels.CauchyHalfWidth, DrtBasisKernels.CauchyHalfWidth),
        DrtBasis.PiecewiseLinear => (-kernels.Step, kernels.Step),
        _ => (-(2000 / kernels.Shape) - 200, (2000 / kernels.Shape) + 200),
    };

    /// <summary>The inverse quadratic's area beyond the brute-force range on both sides (closed form).</summary>
    private static double Tail(DrtBasisKernels kernels, double low) =>
        kernels.Basis == DrtBasis.InverseQuadratic ? 2 * ((Math.PI / 2) - Math.Atan(-kernels.Shape * low)) / kernels.Shape : 0;

    private static (double Re, double Im) BruteForce(DrtBasisKernels kernels, double s)
    {
        (double low, double high) = Support(kernels);
        double re = Panels(x => DrtBasisKernels.Value(kernels.Basis, kernels.Shape, kernels.Step, x) / (1 + Math.Exp(2 * (s + x))), low, high, kernels);
        double im = Panels(x => DrtBasisKernels.Value(kernels.Basis, kernels.Shape, kernels.Step, x) / (2 * Math.Cosh(s + x)), low, high, kernels);

        // Where the brute-force range ends on the left, K′ is 1 for the inverse quadratic's remaining tail.
        return (re + (kernels.Basis == DrtBasis.InverseQuadratic ? ((Math.PI / 2) - Math.Atan(-kernels.Shape * low)) / kernels.Shape * (1 / (1 + Math.Exp(2 * (s + low)))) : 0), im);
    }

    /// <summary>Uniform panels of width about 0.01 on each side of the kink at 0 (the other kinks are the support's ends), each by 10-point Gauss–Legendre.</summary>
    private static double Panels(Func<double, double> f, double low, double high, DrtBasisKernels kernels)
    {
        double[] kinks = [low, 0, high];
        double sum = 0;
        for (int k = 0; k + 1 < kinks.Length; k++)
        {
            int count = Math.Max(1, (int)Math.Ceiling((kinks[k + 1] - kinks[k]) / 0.01));
            double width = (kinks[k + 1] - kinks[k]) / count;
            for (int i = 0; i < count; i++)
            {
                sum += Electrochem.Fitting.GaussLegendre.Integrate(f, kinks[k] + (i * width), kinks[k] + ((i + 1) * width));
            }
        }

        return sum;
    }

    private static double Midpoint(Func<double, double> f, double low, double high, double h)
    {
        double sum = 0;
        int count = (int)Math.Ceiling((high - low) / h);
        double width = (high - low) / count;
        for (int i = 0; i < count; i++)
        {
            sum += f(low + ((i + 0.5) * width));
        }

        return sum * width;
    }
}
