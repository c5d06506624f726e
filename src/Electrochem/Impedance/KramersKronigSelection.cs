namespace Electrochem.Impedance;

/// <summary>How the Lin-KK test chooses the number M of RC elements.</summary>
public enum KramersKronigSelection
{
    /// <summary>
    /// The default: every M from 1 to min(<see cref="LinearKramersKronigOptions.MaximumElementCount"/>, N/2) is fitted,
    /// with and without a series capacitance, and M is the smallest whose pseudo-χ² is within a factor 10^0.1 (≈ 1.26)
    /// of the lowest reached — where the pseudo-χ² stops falling as elements are added, before they fit the noise. The
    /// series capacitance is kept only when it lowers the lowest pseudo-χ² at least twofold (a diffusive or blocking
    /// low-frequency end). Chosen on evidence: it passes valid synthetic and measured spectra that the μ criterion fails
    /// (docs/kramers-kronig.md).
    /// </summary>
    Automatic,

    /// <summary>
    /// Schönleber et al. (2014) and impedance.py: M grows from 1 until μ ≤ <see cref="LinearKramersKronigOptions.Cutoff"/>.
    /// With c = 0.85 it often stops too early on valid spectra (large residuals); kept for comparison with peers.
    /// </summary>
    MuCriterion,

    /// <summary>Exactly <see cref="LinearKramersKronigOptions.MaximumElementCount"/> elements.</summary>
    Fixed,
}
