namespace Electrochem.Impedance.Drt;

/// <summary>
/// The shape of each peak in a peak fit of a DRT (<see cref="DrtPeakFit.FitShapes"/>), with x = ln τ. Both are normalised so
/// that ∫γₖ d ln τ = Rₖ: the fitted Rₖ is the process's resistance in Ω.
/// </summary>
public enum DrtPeakShape
{
    /// <summary>
    /// γₖ = Rₖ / (σₖ√(2π)) · exp(−(ln τ − ln τₖ)² / (2σₖ²)): parameters Rₖ (Ω), ln τₖ (τₖ in s) and the width σₖ in ln τ
    /// (the full width at half maximum is 2.355σₖ). Symmetric, with light tails: it fits the top of any peak well and
    /// misses the long tails of a ZARC's.
    /// </summary>
    Gaussian,

    /// <summary>
    /// γₖ = (Rₖ / 2π) · sin((1 − φₖ)π) / (cosh(φₖ·ln(τ/τₖ)) − cos((1 − φₖ)π)), the exact DRT of a ZARC
    /// Rₖ / (1 + (jωτₖ)^φₖ) (<see cref="ZarcDistribution"/>): parameters Rₖ (Ω), τₖ (s) and φₖ (0 &lt; φₖ &lt; 1; 1 is
    /// an ideal RC). pyDRTtools' ZARC peak, Rₖ·sin(πφₖ)·x / (1 + 2cos(πφₖ)·x + x²) with x = (τ/τₖ)^φₖ, is π times this and
    /// integrates to πRₖ: its Rₖ is not the resistance.
    /// </summary>
    Zarc,
}
