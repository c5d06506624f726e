using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>
/// The outcome of a Bruce–Vincent analysis of a chronoamperometry trace: every transference number by name with its
/// propagated standard uncertainty, and the intermediate quantities a reviewer checks (both I₀ estimates and which
/// was used, both I_ss estimates and which was used, the plateau and fit windows, the exponential fit, warnings).
/// Currents in A, voltages in V, resistances in Ω, times in s.
/// </summary>
public sealed record BruceVincentResult
{
    /// <summary>ΔV in V.</summary>
    public required Measurement AppliedVoltage { get; init; }

    /// <summary>The resistances given (before and at steady state).</summary>
    public required PolarizationResistances Resistances { get; init; }

    /// <summary>How I₀ was obtained (after any fallback; see <see cref="Warnings"/>).</summary>
    public required InitialCurrentMethod InitialCurrentMethod { get; init; }

    /// <summary>I₀ in A as used in the formulas.</summary>
    public required Measurement InitialCurrent { get; init; }

    /// <summary>I₀ = ΔV/(R_b,0 + R_i,0) in A, with its propagated uncertainty (NaN when the bulk resistances were not given).</summary>
    public required Measurement InitialCurrentOhmsLaw { get; init; }

    /// <summary>I₀ in A extrapolated to the step by the exponential fit (NaN when the fit failed).</summary>
    public required Measurement InitialCurrentExtrapolated { get; init; }

    /// <summary>How I_ss was obtained (after any fallback).</summary>
    public required SteadyStateCurrentMethod SteadyStateCurrentMethod { get; init; }

    /// <summary>I_ss in A as used in the formulas.</summary>
    public required Measurement SteadyStateCurrent { get; init; }

    /// <summary>I_ss in A: mean of the plateau window with the standard error of the mean.</summary>
    public required Measurement SteadyStateCurrentPlateau { get; init; }

    /// <summary>I_ss in A: the asymptote of the exponential fit (NaN when the fit failed).</summary>
    public required Measurement SteadyStateCurrentExponential { get; init; }

    /// <summary>The plateau window (the final <see cref="BruceVincentOptions.PlateauFraction"/> of the duration).</summary>
    public required TimeWindow PlateauWindow { get; init; }

    /// <summary>|slope|·(window duration)/I_ss of a straight line fitted over the plateau window: the relative drift the steady-state criterion tests.</summary>
    public required double PlateauRelativeDrift { get; init; }

    /// <summary>The points the exponential fit used.</summary>
    public required TimeWindow FitWindow { get; init; }

    /// <summary>The exponential fit I(t) = I_ss + (I₀ − I_ss)·e^{−(t − t₀)/τ} of the trace, with its status.</summary>
    public required FitResult<CurrentRelaxation> RelaxationFit { get; init; }

    /// <summary>Bruce–Vincent: t₊ = I_ss·(ΔV − I₀·R_i,0) / (I₀·(ΔV − I_ss·R_i,ss)).</summary>
    public required Measurement TransferenceNumber { get; init; }

    /// <summary>Abraham (bulk-corrected): t₊ = I_ss·R_b,ss·(ΔV − I₀·R_i,0) / (I₀·R_b,0·(ΔV − I_ss·R_i,ss)) (NaN without the bulk resistances).</summary>
    public required Measurement AbrahamTransferenceNumber { get; init; }

    /// <summary>Watanabe: t₊ = R_b,ss / (ΔV/I_ss − R_i,ss) (NaN without the bulk resistances).</summary>
    public required Measurement WatanabeTransferenceNumber { get; init; }

    /// <summary>The plain current ratio I_ss/I₀ (ignores the interfaces: an upper bound of t₊ in the ideal cell when R_i grows, biased otherwise).</summary>
    public required Measurement CurrentRatio { get; init; }

    /// <summary>Conditions found in the data.</summary>
    public required ImmutableArray<TransferenceWarning> Warnings { get; init; }

    /// <summary>A plain-text report of every number above and the warnings.</summary>
    /// <returns>Multi-line text, invariant culture.</returns>
    public string ToTable() => TransferenceResultWriter.ToTable(this);

    /// <summary>The result as JSON (NaN and ∞ as null).</summary>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>A JSON document.</returns>
    public string ToJson(bool indented = true) => TransferenceResultWriter.ToJson(this, indented);
}
