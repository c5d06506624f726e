namespace Electrochem.Impedance.Drt;

/// <summary>
/// One peak of a <see cref="DrtPeakShape"/> at x = ln τ with parameters R (Ω), μ = ln τₖ and w (σ for the Gaussian, φ
/// for the ZARC): its value, its derivatives for the Levenberg–Marquardt Jacobian, its height, and the width that gives
/// a peak of a given area and height (for starting values).
/// </summary>
/// <remarks>
/// Gaussian: γ = R/(σ√(2π))·e^{−u²/2}, u = (x − μ)/σ; ∂γ/∂R = γ/R, ∂γ/∂μ = γ·u/σ, ∂γ/∂σ = γ·(u² − 1)/σ.
/// ZARC: γ = (R/2π)·s/D with s = sin a, c = cos a, a = (1 − φ)π, t = φ(x − μ), D = cosh t − c;
/// ∂γ/∂R = s/(2πD), ∂γ/∂μ = (R/2π)·sφ·sinh t/D², ∂γ/∂φ = (R/2π)·(−π c/D − s·((x − μ)·sinh t − π s)/D²).
/// 1/D and sinh t/D² are computed from e^{−|t|}, so nothing overflows far from the peak.
/// </remarks>
internal static class DrtPeakFunctions
{
    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);

    /// <summary>γ of one peak at x = ln τ, and its derivatives with respect to R, μ and w.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="r">R, in Ω.</param>
    /// <param name="mu">μ = ln τₖ.</param>
    /// <param name="w">σ (Gaussian) or φ (ZARC).</param>
    /// <param name="x">ln τ.</param>
    /// <param name="dR">∂γ/∂R.</param>
    /// <param name="dMu">∂γ/∂μ.</param>
    /// <param name="dW">∂γ/∂w.</param>
    /// <returns>γ, in Ω.</returns>
    internal static double Evaluate(DrtPeakShape shape, double r, double mu, double w, double x, out double dR, out double dMu, out double dW)
    {
        double y = x - mu;
        if (shape == DrtPeakShape.Gaussian)
        {
            double u = y / w;
            double unit = Math.Exp(-0.5 * u * u) / (w * SqrtTwoPi);
            double value = r * unit;
            dR = unit;
            dMu = value * u / w;
            dW = value * ((u * u) - 1) / w;
            return value;
        }

        double a = (1 - w) * Math.PI;
        double s = Math.Sin(a);
        double c = Math.Cos(a);
        double t = w * y;
        double e = Math.Exp(-Math.Abs(t));
        double denominator = 1 + (e * e) - (2 * c * e);   // 2e·D
        double inverseD = 2 * e / denominator;                // 1/D
        double sinhOverD2 = Math.Sign(t) * 2 * e * (1 - (e * e)) / (denominator * denominator); // sinh t / D²
        double k = r / (2 * Math.PI);
        dR = s * inverseD / (2 * Math.PI);
        dMu = k * s * w * sinhOverD2;
        dW = k * ((-Math.PI * c * inverseD) - (s * ((y * sinhOverD2) - (Math.PI * s * inverseD * inverseD))));
        return k * s * inverseD;
    }

    /// <summary>γ of one peak at x = ln τ.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="r">R, in Ω.</param>
    /// <param name="mu">μ = ln τₖ.</param>
    /// <param name="w">σ or φ.</param>
    /// <param name="x">ln τ.</param>
    /// <returns>γ, in Ω.</returns>
    internal static double Value(DrtPeakShape shape, double r, double mu, double w, double x) => Evaluate(shape, r, mu, w, x, out _, out _, out _);

    /// <summary>The width parameter (σ, or φ for the ZARC) of a peak with the given area and height: σ = A/(h√(2π)); φ = 1 − (2/π)·atan(A/(2πh)), from h = (A/2π)·cot(a/2).</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="area">The area A, in Ω (&gt; 0).</param>
    /// <param name="height">The height h, in Ω (&gt; 0).</param>
    /// <returns>σ or φ.</returns>
    internal static double WidthFor(DrtPeakShape shape, double area, double height) => shape == DrtPeakShape.Gaussian
        ? area / (height * SqrtTwoPi)
        : 1 - (2 / Math.PI * Math.Atan(area / (2 * Math.PI * height)));
}
