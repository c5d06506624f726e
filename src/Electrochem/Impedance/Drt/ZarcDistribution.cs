namespace Electrochem.Impedance.Drt;

/// <summary>
/// The exact distribution of relaxation times of a ZARC element, Z = R / (1 + (jωτ₀)^φ): the truth a DRT computed from a
/// ZARC spectrum should approach.
/// γ(τ) = (R / 2π) · sin((1 − φ)π) / (cosh(φ·ln(τ/τ₀)) − cos((1 − φ)π)), in Ω per unit of ln τ; its integral over ln τ is R.
/// </summary>
/// <remarks>τ = 1/ω (rad/s): a process at frequency f has τ = 1/(2πf).</remarks>
public static class ZarcDistribution
{
    /// <summary>γ(τ) of a ZARC, in Ω (per unit ln τ).</summary>
    /// <param name="resistanceOhm">R, in Ω (finite, ≥ 0).</param>
    /// <param name="characteristicTimeSeconds">τ₀, in seconds (&gt; 0).</param>
    /// <param name="phi">φ in (0, 1): 1 is an ideal RC (a Dirac peak), smaller is broader.</param>
    /// <param name="tauSeconds">τ, in seconds (&gt; 0).</param>
    /// <returns>γ(τ) in Ω.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public static double Gamma(double resistanceOhm, double characteristicTimeSeconds, double phi, double tauSeconds)
    {
        if (!(resistanceOhm >= 0) || !double.IsFinite(resistanceOhm))
        {
            throw new ArgumentOutOfRangeException(nameof(resistanceOhm), resistanceOhm, "R must be a finite resistance ≥ 0 Ω.");
        }

        if (!(characteristicTimeSeconds > 0) || !double.IsFinite(characteristicTimeSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(characteristicTimeSeconds), characteristicTimeSeconds, "τ₀ must be a finite time > 0 s.");
        }

        if (!(phi > 0 && phi < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(phi), phi, "φ must lie strictly between 0 and 1 (φ = 1 is an ideal RC, whose DRT is a Dirac peak).");
        }

        if (!(tauSeconds > 0) || !double.IsFinite(tauSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(tauSeconds), tauSeconds, "τ must be a finite time > 0 s.");
        }

        double angle = (1 - phi) * Math.PI;
        double x = phi * Math.Log(tauSeconds / characteristicTimeSeconds);
        return Math.Abs(x) > 700 ? 0 : resistanceOhm / (2 * Math.PI) * Math.Sin(angle) / (Math.Cosh(x) - Math.Cos(angle));
    }
}
