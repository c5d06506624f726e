namespace Electrochem.Impedance.Drt;

/// <summary>
/// The radial basis function γ is expanded on: γ(ln τ) = Σₘ xₘ·φ(ε·(ln τ − ln τₘ)), with the shape factor ε set from the
/// grid step Δ and <see cref="DrtOptions.FwhmCoefficient"/> so that each function's full width at half maximum (in ln τ)
/// is Δ divided by the coefficient: ε = coefficient·w/Δ, where w is the FWHM of φ(u) in u (as pyDRTtools defines it).
/// </summary>
public enum DrtBasis
{
    /// <summary>φ(u) = exp(−u²) (the default, as in pyDRTtools): smooth, light tails. w = 2√ln 2; area √π/ε.</summary>
    Gaussian,

    /// <summary>
    /// φ(u) = 1/(1 + u²): smooth, heavy tails (∝ 1/u²). w = 2; area π/ε. Its tails reach far beyond the grid, so γ between
    /// two peaks is never quite zero. pyDRTtools integrates every basis over |ln τ − ln τₘ| ≤ 50; here the integrals run
    /// over all ln τ (the difference is below 10⁻³ of the area at the default width).
    /// </summary>
    InverseQuadratic,

    /// <summary>
    /// φ(u) = 1/(1 + |u|) for |ln τ − ln τₘ| ≤ 50, zero beyond: a kink at the centre, very heavy tails. w = 2. Its integral
    /// over all ln τ diverges (the area grows like 2·ln(1 + 50ε)/ε), so — like pyDRTtools — the function is cut at ±50 in
    /// ln τ, and a unit weight adds a nearly constant resistance at every frequency that trades against R_∞. Its second
    /// derivative has a Dirac delta at the kink, so a second-derivative penalty is infinite: use
    /// <see cref="DrtOptions.PenaltyOrder"/> 1 with it (pyDRTtools drops the delta, and its code for that case fails).
    /// </summary>
    Cauchy,

    /// <summary>
    /// Hat functions: φ(x) = max(0, 1 − |x|/Δ), one per grid point, so γ is piecewise linear between the grid points and
    /// xₘ = γ(τₘ). The FWHM coefficient does not apply (the FWHM is Δ); ε is reported as 1/Δ; area Δ. The kernels are
    /// integrated exactly (Gauss–Legendre per half-hat), not by pyDRTtools' collocation at the grid points. The first-
    /// derivative penalty is exact (Σ(xₘ₊₁ − xₘ)²/Δ); the second derivative of a hat is a sum of Dirac deltas, so the
    /// second-order penalty is the discrete one, Σ(xₘ₋₁ − 2xₘ + xₘ₊₁)²/Δ³ with zero weights beyond the grid.
    /// </summary>
    PiecewiseLinear,
}
