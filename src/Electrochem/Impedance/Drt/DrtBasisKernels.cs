namespace Electrochem.Impedance.Drt;

/// <summary>
/// One basis function of a DRT on a grid of step Δ (in ln τ) with shape factor ε: its value, its area, the impedance it
/// contributes and the inner products of its derivatives. Immutable once built, so one instance serves a whole
/// computation (and threads).
/// </summary>
/// <remarks>
/// With x = ln τ − ln τₘ and s = ln(ωτₘ), the basis function centred at τₘ contributes
/// Re = ∫ φ(εx) / (1 + e^{2(s+x)}) dx and −Im = ∫ φ(εx)·e^{s+x} / (1 + e^{2(s+x)}) dx to Z(ω).
/// For the Gaussian both integrals are computed by the trapezoidal rule in t = εx over [−6.5, 6.5] with step
/// h = min(0.4, ε/4): the integrand is analytic in the strip |Im t| &lt; επ/2 (the Debye kernel's poles), so the error
/// is of order exp(−min(π²/h², 2π·επ/(2h))) ≤ 10⁻¹⁶ of the integral — checked against a step of 0.002 in the tests.
/// </remarks>
internal sealed class DrtBasisKernels
{
    private const double GaussianHalfWidth = 6.5;

    private readonly double[] nodeWeight;
    private readonly double[] nodeGrowth;

    /// <summary>Builds the kernels of a basis on a grid.</summary>
    /// <param name="basis">The basis function.</param>
    /// <param name="fwhmCoefficient">The grid step divided by the FWHM of each function.</param>
    /// <param name="step">The grid step Δ in ln τ (&gt; 0).</param>
    internal DrtBasisKernels(DrtBasis basis, double fwhmCoefficient, double step)
    {
        Basis = basis;
        Step = step;
        Shape = ShapeFactor(basis, fwhmCoefficient, step);
        double h = Math.Min(0.4, Shape / 4);
        int half = (int)Math.Ceiling(GaussianHalfWidth / h);
        nodeWeight = new double[(2 * half) + 1];
        nodeGrowth = new double[(2 * half) + 1];
        for (int k = 0; k < nodeWeight.Length; k++)
        {
            double t = (k - half) * h;
            nodeWeight[k] = Math.Exp(-(t * t)) * h / Shape;
            nodeGrowth[k] = Math.Exp(t / Shape);
        }
    }

    /// <summary>The basis function.</summary>
    internal DrtBasis Basis { get; }

    /// <summary>The grid step Δ in ln τ.</summary>
    internal double Step { get; }

    /// <summary>The shape factor ε, per unit ln τ.</summary>
    internal double Shape { get; }

    /// <summary>ε such that the function's full width at half maximum is Δ / coefficient: 2√(ln 2)·coefficient/Δ for the Gaussian.</summary>
    /// <param name="basis">The basis function.</param>
    /// <param name="fwhmCoefficient">The grid step divided by the FWHM.</param>
    /// <param name="step">The grid step Δ in ln τ.</param>
    /// <returns>ε, per unit ln τ.</returns>
    internal static double ShapeFactor(DrtBasis basis, double fwhmCoefficient, double step) => basis switch
    {
        _ => fwhmCoefficient * 2 * Math.Sqrt(Math.Log(2)) / step,
    };

    /// <summary>∫ φ(εx) dx over ln τ: the resistance of a unit weight, √π/ε for the Gaussian.</summary>
    /// <param name="basis">The basis function.</param>
    /// <param name="shape">ε.</param>
    /// <param name="step">The grid step Δ in ln τ.</param>
    /// <returns>The area, in units of ln τ.</returns>
    internal static double Area(DrtBasis basis, double shape, double step) => basis switch
    {
        _ => Math.Sqrt(Math.PI) / shape,
    };

    /// <summary>φ(εx): the basis function at x = ln τ − ln τₘ.</summary>
    /// <param name="basis">The basis function.</param>
    /// <param name="shape">ε.</param>
    /// <param name="step">The grid step Δ in ln τ.</param>
    /// <param name="x">The distance from the centre in ln τ.</param>
    /// <returns>The value (1 at the centre).</returns>
    internal static double Value(DrtBasis basis, double shape, double step, double x)
    {
        switch (basis)
        {
            default:
                double u = shape * x;
                return Math.Exp(-(u * u));
        }
    }

    /// <summary>The impedance of a unit weight at s = ln(ωτₘ): Re and −Im (both ≥ 0).</summary>
    /// <param name="s">ln(ωτₘ).</param>
    /// <param name="real">∫ φ / (1 + e^{2(s+x)}) dx.</param>
    /// <param name="negativeImaginary">∫ φ·e^{s+x} / (1 + e^{2(s+x)}) dx.</param>
    internal void Kernel(double s, out double real, out double negativeImaginary)
    {
        double alpha = Math.Exp(s);
        double sumRe = 0;
        double sumIm = 0;
        double[] weight = nodeWeight;
        double[] growth = nodeGrowth;
        for (int k = 0; k < weight.Length; k++)
        {
            double ae = alpha * growth[k];
            double denominator = 1 / (1 + (ae * ae));
            sumRe += weight[k] * denominator;
            sumIm += weight[k] * ae * denominator;
        }

        real = sumRe;
        negativeImaginary = sumIm;
    }

    /// <summary>
    /// ∫ φ⁽ᵏ⁾(ε(x − a))·φ⁽ᵏ⁾(ε(x − b)) dx (derivatives in x) for centres a − b = d·Δ apart. For the Gaussian, with
    /// u = ε·d·Δ: ε√(π/2)(1 − u²)e^{−u²/2} (k = 1) and ε³√(π/2)(3 − 6u² + u⁴)e^{−u²/2} (k = 2).
    /// </summary>
    /// <param name="order">k: 1 or 2.</param>
    /// <param name="indexDifference">d, the number of grid steps between the centres.</param>
    /// <returns>The inner product.</returns>
    internal double PenaltyInner(int order, int indexDifference)
    {
        double u = Shape * indexDifference * Step;
        double u2 = u * u;
        double root = Math.Sqrt(Math.PI / 2);
        return order == 1
            ? Shape * root * (1 - u2) * Math.Exp(-u2 / 2)
            : Shape * Shape * Shape * root * (3 - (6 * u2) + (u2 * u2)) * Math.Exp(-u2 / 2);
    }
}
