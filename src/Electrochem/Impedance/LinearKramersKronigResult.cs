using System.Collections.Immutable;

namespace Electrochem.Impedance;

/// <summary>
/// Outcome of a Lin-KK test: the Kramers–Kronig-compliant model Ẑ = R₀ + jωL [+ 1/(jωC)] + Σₖ Rₖ/(1 + jωτₖ) fitted to
/// the spectrum, and the relative residuals Δ′ = (Z′ − Ẑ′)/|Z|, Δ″ = (Z″ − Ẑ″)/|Z| per point. Residuals within the
/// noise (typically below 1 %) and without trend say the spectrum is linear, causal and stable; a systematic trend
/// (often at low frequency, from drift) says it is not.
/// </summary>
/// <param name="ElementCount">M, the number of RC (Voigt) elements used.</param>
/// <param name="Mu">μ = 1 − Σ|Rₖ&lt;0| / Σ|Rₖ≥0| at M (1 when no Rₖ is negative): near 1 under-fitted, towards 0 over-fitted.</param>
/// <param name="MuByElementCount">μ for every M tried, in order: M = 1, 2, …, M for the μ search (so the stopping point can be
/// inspected), M = 1 … the largest tried for the automatic selection, or the single fixed M.</param>
/// <param name="TimeConstants">τₖ in s, log-spaced from 1/(2π·f_max) to 1/(2π·f_min).</param>
/// <param name="Resistances">Rₖ in Ω (may be negative).</param>
/// <param name="SeriesResistance">R₀ in Ω.</param>
/// <param name="SeriesInductance">L in H.</param>
/// <param name="SeriesCapacitance">C in F, or null when not included.</param>
/// <param name="FittedReal">Ẑ′ at each point, Ω.</param>
/// <param name="FittedImaginary">Ẑ″ at each point, Ω.</param>
/// <param name="ResidualsReal">Δ′ = (Z′ − Ẑ′)/|Z| per point (dimensionless).</param>
/// <param name="ResidualsImaginary">Δ″ = (Z″ − Ẑ″)/|Z| per point (dimensionless).</param>
/// <param name="Part">The part that was fitted.</param>
public sealed record LinearKramersKronigResult(
    int ElementCount,
    double Mu,
    ImmutableArray<double> MuByElementCount,
    ImmutableArray<double> TimeConstants,
    ImmutableArray<double> Resistances,
    double SeriesResistance,
    double SeriesInductance,
    double? SeriesCapacitance,
    ImmutableArray<double> FittedReal,
    ImmutableArray<double> FittedImaginary,
    ImmutableArray<double> ResidualsReal,
    ImmutableArray<double> ResidualsImaginary,
    KramersKronigPart Part)
{
    /// <summary>How M was chosen.</summary>
    public KramersKronigSelection Selection { get; init; }

    /// <summary>The pseudo-χ² for every M tried by the automatic selection (M = 1, 2, …), with the capacitance choice made; empty for the other selections.</summary>
    public ImmutableArray<double> PseudoChiSquareByElementCount { get; init; } = [];

    /// <summary>Pass or fail, with the reason, the noise level left and the trend score.</summary>
    public KramersKronigVerdict Verdict { get; init; } = new(false, "not judged", double.NaN, double.NaN);

    /// <summary>Largest |Δ′| or |Δ″| over the spectrum.</summary>
    public double MaximumAbsoluteResidual => Math.Max(ResidualsReal.Max(Math.Abs), ResidualsImaginary.Max(Math.Abs));

    /// <summary>Boukamp's pseudo-χ² = Σ (Δ′² + Δ″²).</summary>
    public double PseudoChiSquare => ResidualsReal.Sum(r => r * r) + ResidualsImaginary.Sum(r => r * r);

    /// <summary>
    /// A plain-text summary for a person: M and μ (with the μ of every M tried), R₀, L and C, the largest residual and
    /// the pseudo-χ², then one row per point with Δ′ and Δ″. Invariant culture.
    /// </summary>
    /// <param name="frequencyHertz">The tested spectrum's frequencies, for the per-point rows; empty to leave the rows out.</param>
    /// <returns>Multi-line text.</returns>
    /// <exception cref="ArgumentException">Frequencies are given but not one per residual.</exception>
    public string ToTable(ReadOnlySpan<double> frequencyHertz = default) => LinearKramersKronigWriter.ToTable(this, frequencyHertz);

    /// <summary>
    /// The result as JSON: elementCount, mu, muByElementCount, the series terms (Ω, H, F), timeConstants (s),
    /// resistances (Ω), maximumAbsoluteResidual, pseudoChiSquare and the per-point fitted values and residuals.
    /// Non-finite numbers are written as null.
    /// </summary>
    /// <param name="indented">Indent for people; false for one line.</param>
    /// <returns>A JSON object.</returns>
    public string ToJson(bool indented = true) => LinearKramersKronigWriter.ToJson(this, indented);
}
