namespace Electrochem.Impedance.Drt;

/// <summary>
/// The radial basis function γ is expanded on: γ(ln τ) = Σₘ xₘ·φ(ε·(ln τ − ln τₘ)), with the shape factor ε set from the
/// grid step and <see cref="DrtOptions.FwhmCoefficient"/> so that each function's full width at half maximum is the
/// grid step divided by the coefficient.
/// </summary>
public enum DrtBasis
{
    /// <summary>φ(x) = exp(−x²) (the default, as in pyDRTtools): smooth, with light tails.</summary>
    Gaussian,
}
